using Agora.Core.Codec;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Where a neuron serves: an IPv4 (4 bytes) or IPv6 (16 bytes) address in network order, a port, a protocol number
/// (0 = HTTP, the axon protocol of spec/interfaces.md), the software version it announces, and the block it was served at
/// (for the serving rate limit).
/// </summary>
public sealed record AxonInfo(ReadOnlyMemory<byte> Ip, ushort Port, byte Protocol, uint Version, ulong Block)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(40).U8(EncodingVersion).Bytes(Ip.Span).U16(Port).U8(Protocol).U32(Version).U64(Block).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static AxonInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("axon.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"axon.version: {version} is not known");
        }

        var axon = new AxonInfo(reader.Bytes("axon.ip", 16).ToArray(), reader.U16("axon.port"), reader.U8("axon.protocol"), reader.U32("axon.version"), reader.U64("axon.block"));
        reader.End("axon");
        return axon;
    }
}
