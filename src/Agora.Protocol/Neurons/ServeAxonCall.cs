using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Neurons;

/// <summary>
/// The signing hotkey announces where its neuron on <paramref name="Netuid"/> serves: an IPv4 (4 bytes) or IPv6
/// (16 bytes) address in network order, a port, a protocol (0 = HTTP) and its software version.
/// </summary>
public sealed record ServeAxonCall(ushort Netuid, ReadOnlyMemory<byte> Ip, ushort Port, byte Protocol, uint Version) : Call
{
    /// <summary>The largest address: IPv6.</summary>
    public const int IpBytesMax = 16;

    /// <inheritdoc />
    public override CallTag Tag => CallTag.ServeAxon;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 10_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
        [new("netuid", Netuid), new("ip", AxonAddress.Format(Ip.Span)), new("port", Port), new("protocol", Protocol), new("version", Version)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).Bytes(Ip.Span).U16(Port).U8(Protocol).U32(Version);

    internal static ServeAxonCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("serve_axon.netuid"), reader.Bytes("serve_axon.ip", IpBytesMax).ToArray(), reader.U16("serve_axon.port"),
            reader.U8("serve_axon.protocol"), reader.U32("serve_axon.version"));
}
