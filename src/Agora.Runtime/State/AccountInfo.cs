using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Runtime.State;

/// <summary>
/// An account's balances and nonce: <see cref="Free"/> to spend, <see cref="Reserved"/> held by proposal and subnet
/// locks, <see cref="Staked"/> the sum of the account's stake positions as a coldkey. Accounts are never reaped, so a
/// nonce never resets and an old transaction can never replay.
/// </summary>
public sealed record AccountInfo(Rao Free, Rao Reserved, ulong Nonce, Rao Staked)
{
    private const byte VersionWithoutStake = 1;
    private const byte EncodingVersion = 2;

    /// <summary>An account that has never been touched.</summary>
    public static AccountInfo Empty { get; } = new(Rao.Zero, Rao.Zero, 0, Rao.Zero);

    /// <summary>Canonical encoding (version 2: free, reserved, nonce, staked).</summary>
    public byte[] Encode() =>
        new CodecWriter(40).U8(EncodingVersion).U64(Free.Value).U64(Reserved.Value).U64(Nonce).U64(Staked.Value).ToArray();

    /// <summary>Decodes a stored record; version 1 records (before staking) read as holding no stake.</summary>
    public static AccountInfo Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("account.version");
        if (version is not (VersionWithoutStake or EncodingVersion))
        {
            throw new CodecException($"account.version: {version} is not known");
        }

        var free = new Rao(reader.U64("account.free"));
        var reserved = new Rao(reader.U64("account.reserved"));
        var nonce = reader.U64("account.nonce");
        var staked = version == EncodingVersion ? new Rao(reader.U64("account.staked")) : Rao.Zero;
        reader.End("account");
        return new AccountInfo(free, reserved, nonce, staked);
    }
}
