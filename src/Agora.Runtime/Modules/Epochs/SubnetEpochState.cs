using Agora.Core.Codec;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>When a subnet's last epoch ran (the engine's <c>last_epoch_block</c>); absent before its first.</summary>
public sealed record SubnetEpochState(ulong LastEpochBlock)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(9).U8(EncodingVersion).U64(LastEpochBlock).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static SubnetEpochState Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("epoch.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"epoch.version: {version} is not known");
        }

        var state = new SubnetEpochState(reader.U64("epoch.last_epoch_block"));
        reader.End("epoch");
        return state;
    }
}
