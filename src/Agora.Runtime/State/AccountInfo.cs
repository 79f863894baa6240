using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Runtime.State;

/// <summary>
/// An account's balances and nonce. Accounts are never reaped, so a nonce never resets and an old
/// transaction can never replay.
/// </summary>
public sealed record AccountInfo(Rao Free, Rao Reserved, ulong Nonce)
{
    private const byte EncodingVersion = 1;

    /// <summary>An account that has never been touched.</summary>
    public static AccountInfo Empty { get; } = new(Rao.Zero, Rao.Zero, 0);

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() =>
        new CodecWriter(32).U8(EncodingVersion).U64(Free.Value).U64(Reserved.Value).U64(Nonce).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static AccountInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("account.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"account.version: {version} is not known");
        }

        var info = new AccountInfo(new Rao(reader.U64("account.free")), new Rao(reader.U64("account.reserved")), reader.U64("account.nonce"));
        reader.End("account");
        return info;
    }
}
