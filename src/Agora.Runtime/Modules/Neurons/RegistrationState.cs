using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// A subnet's registration market: the current burn, registrations since the last burn adjustment (what the next
/// adjustment compares with the target), and the registrations of <paramref name="Block"/> (the per-block limit).
/// </summary>
public sealed record RegistrationState(Rao Burn, uint RegistrationsThisInterval, ulong Block, uint RegistrationsThisBlock)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(26).U8(EncodingVersion).Rao(Burn).U32(RegistrationsThisInterval).U64(Block).U32(RegistrationsThisBlock).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static RegistrationState Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("registration.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"registration.version: {version} is not known");
        }

        var state = new RegistrationState(reader.Rao("registration.burn"), reader.U32("registration.this_interval"), reader.U64("registration.block"), reader.U32("registration.this_block"));
        reader.End("registration");
        return state;
    }
}
