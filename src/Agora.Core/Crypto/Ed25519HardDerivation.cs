using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Agora.Core.Crypto;

/// <summary>
/// Substrate's hard derivation for Ed25519 (spec/keys.md): a junction becomes a 32-byte chain code, and
/// the child seed is Blake2b-256(SCALE("Ed25519HDKD") ‖ seed ‖ chain code).
/// </summary>
public static class Ed25519HardDerivation
{
    /// <summary>Bytes in a chain code.</summary>
    public const int ChainCodeSize = 32;

    /// <summary>Longest junction text accepted, in UTF-8 bytes.</summary>
    public const int JunctionBytesMax = 1024;

    private static readonly byte[] _domainTag = ScaleString("Ed25519HDKD");

    /// <summary>
    /// The chain code of a junction's text (what follows <c>//</c>): ASCII decimal digits → the number as u64
    /// little-endian; <c>0x</c> + hex → those raw bytes (as polkadot.js does); anything else → a SCALE string.
    /// The encoding is zero-padded to 32 bytes, or hashed with Blake2b-256 when longer.
    /// </summary>
    public static byte[] ChainCode(string junction)
    {
        var encoded = TryEncodeJunction(junction, out var bytes, out var error) ? bytes : throw new FormatException(error);
        if (encoded.Length > ChainCodeSize)
        {
            return Blake2b.Hash256(encoded);
        }

        var code = new byte[ChainCodeSize];
        encoded.CopyTo(code, 0);
        return code;
    }

    /// <summary>Encodes a junction's text, or says what is wrong with it.</summary>
    public static bool TryEncodeJunction(string junction, out byte[] encoded, out string error)
    {
        encoded = [];
        error = string.Empty;
        if (junction.Length == 0)
        {
            error = "empty junction: '//' must be followed by a name or a number, e.g. //Alice or //0";
            return false;
        }

        if (Encoding.UTF8.GetByteCount(junction) > JunctionBytesMax)
        {
            error = $"junction is longer than {JunctionBytesMax} bytes; use a shorter name";
            return false;
        }

        if (IsAsciiDigits(junction))
        {
            if (!ulong.TryParse(junction, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"junction //{junction} is larger than the largest u64 ({ulong.MaxValue}); use a smaller number or a name";
                return false;
            }

            encoded = new byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64LittleEndian(encoded, number);
            return true;
        }

        if (IsPrefixedHex(junction))
        {
            encoded = Convert.FromHexString(junction.AsSpan(2));
            return true;
        }

        encoded = ScaleString(junction);
        return true;
    }

    /// <summary>The child seed: Blake2b-256(SCALE("Ed25519HDKD") ‖ seed ‖ chain code).</summary>
    public static byte[] Derive(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> chainCode)
    {
        if (seed.Length != Ed25519.SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed has {Ed25519.SeedSize} bytes, got {seed.Length}", nameof(seed));
        }

        if (chainCode.Length != ChainCodeSize)
        {
            throw new ArgumentException($"a chain code has {ChainCodeSize} bytes, got {chainCode.Length}", nameof(chainCode));
        }

        var input = new byte[_domainTag.Length + Ed25519.SeedSize + ChainCodeSize];
        _domainTag.CopyTo(input, 0);
        seed.CopyTo(input.AsSpan(_domainTag.Length));
        chainCode.CopyTo(input.AsSpan(_domainTag.Length + Ed25519.SeedSize));
        var child = Blake2b.Hash256(input);
        Array.Clear(input);
        return child;
    }

    /// <summary>SCALE string: compact-encoded byte length, then the UTF-8 bytes.</summary>
    internal static byte[] ScaleString(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var prefix = CompactLength(utf8.Length);
        var result = new byte[prefix.Length + utf8.Length];
        prefix.CopyTo(result, 0);
        utf8.CopyTo(result, prefix.Length);
        return result;
    }

    /// <summary>SCALE compact encoding of a length. Truncating casts are intended: each byte takes its slice of bits.</summary>
    internal static byte[] CompactLength(int length) => unchecked(length switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(length), length, "a length is never negative"),
        < 1 << 6 => [(byte)(length << 2)],
        < 1 << 14 => [(byte)((length << 2) | 1), (byte)(length >> 6)],
        < 1 << 30 => [(byte)((length << 2) | 2), (byte)(length >> 6), (byte)(length >> 14), (byte)(length >> 22)],
        _ => [3, (byte)length, (byte)(length >> 8), (byte)(length >> 16), (byte)(length >> 24)],
    });

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    // polkadot.js isHex: "0x" alone, or "0x" + an even number of hex digits of either case.
    private static bool IsPrefixedHex(string text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
