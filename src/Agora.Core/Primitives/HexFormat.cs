namespace Agora.Core.Primitives;

/// <summary><c>0x</c>-prefixed lowercase hex, the wire form of hashes, keys and raw transactions.</summary>
public static class HexFormat
{
    /// <summary>Encodes as <c>0x</c> + lowercase hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes <c>0x</c>-prefixed (or bare) hex of any length.</summary>
    public static byte[] Decode(string hex, string what = "value")
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"{what} hex has an odd number of digits ({digits.Length})");
        }

        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{what} is not hex: expected 0x followed by digits 0-9a-f", e);
        }
    }

    /// <summary>Decodes hex that must hold exactly <paramref name="size"/> bytes.</summary>
    public static byte[] Decode(string hex, int size, string what)
    {
        var bytes = Decode(hex, what);
        if (bytes.Length != size)
        {
            throw new FormatException($"{what} must be {size} bytes ({size * 2} hex digits), got {bytes.Length}");
        }

        return bytes;
    }
}
