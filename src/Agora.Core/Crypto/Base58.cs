namespace Agora.Core.Crypto;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it.</summary>
public static class Base58
{
    private const string _alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // Digits kept on the stack: an SS58 address has 35 bytes, 48 digits.
    private const int StackDigitsMax = 128;

    /// <summary>Encodes bytes; each leading zero byte becomes a leading '1'.</summary>
    /// <remarks>
    /// Long division in base 58 over a stack buffer: an SS58 address costs one string and no other allocation (a
    /// 4,096-neuron metagraph renders 8,192 of them).
    /// </remarks>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var leadingZeros = 0;
        while (leadingZeros < bytes.Length && bytes[leadingZeros] == 0)
        {
            leadingZeros++;
        }

        // log(256) / log(58) < 1.38 digits per byte.
        var size = ((bytes.Length - leadingZeros) * 138 / 100) + 1;
        Span<byte> digits = size <= StackDigitsMax ? stackalloc byte[StackDigitsMax] : new byte[size];
        digits = digits[..size];
        digits.Clear();
        var used = 0;
        for (var i = leadingZeros; i < bytes.Length; i++)
        {
            int carry = bytes[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < used) && k >= 0; j++, k--)
            {
                carry += 256 * digits[k];
                digits[k] = (byte)(carry % 58);
                carry /= 58;
            }

            used = j;
        }

        var first = size - used;
        while (first < size && digits[first] == 0)
        {
            first++;
        }

        var length = leadingZeros + size - first;
        Span<char> text = length <= StackDigitsMax ? stackalloc char[StackDigitsMax] : new char[length];
        text = text[..length];
        text[..leadingZeros].Fill('1');
        for (var i = first; i < size; i++)
        {
            text[leadingZeros + i - first] = _alphabet[digits[i]];
        }

        return new string(text);
    }

    /// <summary>Decodes, or throws <see cref="FormatException"/> naming the first character outside the alphabet.</summary>
    /// <remarks>Long multiplication in base 256 over a stack buffer, the mirror of <see cref="Encode"/>.</remarks>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        // log(58) / log(256) < 0.733 bytes per digit.
        var size = ((text.Length - leadingZeros) * 733 / 1000) + 1;
        Span<byte> bytes = size <= StackDigitsMax ? stackalloc byte[StackDigitsMax] : new byte[size];
        bytes = bytes[..size];
        bytes.Clear();
        var used = 0;
        for (var i = leadingZeros; i < text.Length; i++)
        {
            var carry = DigitOf(text[i]);
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < used) && k >= 0; j++, k--)
            {
                carry += 58 * bytes[k];
                bytes[k] = (byte)(carry & 0xFF);
                carry >>= 8;
            }

            used = j;
        }

        var first = size - used;
        while (first < size && bytes[first] == 0)
        {
            first++;
        }

        var result = new byte[leadingZeros + size - first];
        bytes[first..].CopyTo(result.AsSpan(leadingZeros));
        return result;
    }

    private static int DigitOf(char c)
    {
        var digit = _alphabet.IndexOf(c, StringComparison.Ordinal);
        return digit >= 0 ? digit : throw new FormatException($"'{c}' is not a base58 character (0, O, I and l are never used)");
    }
}
