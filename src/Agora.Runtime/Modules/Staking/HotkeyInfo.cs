using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Staking;

/// <summary>
/// An owned hotkey: its coldkey, its delegate take (u16 proportion), the block of its last take change, and its
/// stake summed over every netuid and nominator (what the senate ranks by).
/// </summary>
public sealed record HotkeyInfo(AccountId Owner, ushort Take, ulong TakeChangedAt, Rao TotalStake)
{
    private const byte EncodingVersion = 1;

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() => new CodecWriter(60).U8(EncodingVersion).Account(Owner).U16(Take).U64(TakeChangedAt).Rao(TotalStake).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static HotkeyInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("hotkey.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"hotkey.version: {version} is not known");
        }

        var info = new HotkeyInfo(reader.Account("hotkey.owner"), reader.U16("hotkey.take"), reader.U64("hotkey.take_changed_at"), reader.Rao("hotkey.total_stake"));
        reader.End("hotkey");
        return info;
    }
}
