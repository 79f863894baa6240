using System.Text;
using Agora.Core.Primitives;

namespace Agora.Core.Crypto;

/// <summary>
/// SS58 addresses (Substrate's format) for 32-byte account ids:
/// base58(prefix ‖ public key ‖ first 2 bytes of Blake2b-512("SS58PRE" ‖ prefix ‖ public key)).
/// </summary>
public static class Ss58
{
    /// <summary>The generic Substrate prefix, which Agora uses.</summary>
    public const byte Prefix = 42;

    private const int _checksumSize = 2;
    private static readonly byte[] _context = Encoding.ASCII.GetBytes("SS58PRE");

    /// <summary>Encodes an account id as an SS58 address.</summary>
    public static string Encode(AccountId account)
    {
        Span<byte> payload = stackalloc byte[1 + AccountId.Size + _checksumSize];
        payload[0] = Prefix;
        account.Bytes.CopyTo(payload[1..]);
        Checksum(payload[..(1 + AccountId.Size)]).CopyTo(payload[(1 + AccountId.Size)..]);
        return Base58.Encode(payload);
    }

    /// <summary>Decodes an SS58 address, naming the failing part (characters, length, prefix, checksum).</summary>
    public static bool TryDecode(string address, out AccountId account, out string error)
    {
        account = default;
        byte[] raw;
        try
        {
            raw = Base58.Decode(address.Trim());
        }
        catch (FormatException e)
        {
            error = $"invalid address '{address}': {e.Message}";
            return false;
        }

        if (raw.Length != 1 + AccountId.Size + _checksumSize)
        {
            error = $"invalid address '{address}': it decodes to {raw.Length} bytes, an SS58 account address has {1 + AccountId.Size + _checksumSize}";
            return false;
        }

        if (raw[0] != Prefix)
        {
            error = $"invalid address '{address}': network prefix {raw[0]}, expected {Prefix} (generic Substrate)";
            return false;
        }

        var expected = Checksum(raw.AsSpan(0, 1 + AccountId.Size));
        if (!expected.AsSpan().SequenceEqual(raw.AsSpan(1 + AccountId.Size)))
        {
            error = $"invalid address '{address}': bad checksum (a character is mistyped)";
            return false;
        }

        account = new AccountId(raw.AsSpan(1, AccountId.Size));
        error = string.Empty;
        return true;
    }

    /// <summary>Decodes or throws <see cref="FormatException"/> naming the failing part.</summary>
    public static AccountId Decode(string address) =>
        TryDecode(address, out var account, out var error) ? account : throw new FormatException(error);

    private static byte[] Checksum(ReadOnlySpan<byte> prefixAndKey)
    {
        var input = new byte[_context.Length + prefixAndKey.Length];
        _context.CopyTo(input, 0);
        prefixAndKey.CopyTo(input.AsSpan(_context.Length));
        return Blake2b.Hash512(input)[.._checksumSize];
    }
}
