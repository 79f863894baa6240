using System.Numerics;

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
    public static byte[] Decode(string text)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = _alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                throw new FormatException($"'{c}' is not a base58 character (0, O, I and l are never used)");
            }

            value = value * 58 + digit;
        }

        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[leadingZeros + body.Length];
        body.CopyTo(result, leadingZeros);
        return result;
    }
}
