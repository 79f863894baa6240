using System.Numerics;
using System.Text;
using Agora.Core.Crypto;

namespace Agora.Core.Tests.Crypto;

public sealed class Base58Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("000001", "112")]
    [InlineData("3a", "21")]
    [InlineData("ff", "5Q")]
    [InlineData("0000ffff", "11LUv")]
    public void Known_vectors_encode_with_a_one_per_leading_zero_byte(string hex, string expected) =>
        Assert.Equal(expected, Base58.Encode(Convert.FromHexString(hex)));

    [Fact]
    public void Hello_world_encodes_as_the_bitcoin_alphabet_vector() =>
        Assert.Equal("JxF12TrwUP45BMd", Base58.Encode(Encoding.ASCII.GetBytes("Hello World")));

    [Fact]
    public void Encoding_matches_the_big_integer_definition_and_round_trips_for_many_inputs()
    {
        var random = new Random(58);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 70)];
            random.NextBytes(bytes);
            bytes.AsSpan(0, Math.Min(bytes.Length, random.Next(0, 4))).Clear();

            var encoded = Base58.Encode(bytes);

            Assert.Equal(Reference(bytes), encoded);
            Assert.Equal(bytes, Base58.Decode(encoded));
        }
    }

    [Fact]
    public void Decoding_matches_the_big_integer_definition_for_any_string_of_the_alphabet()
    {
        var random = new Random(85);
        for (var i = 0; i < 500; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Assert.Equal(ReferenceDecode(text), Base58.Decode(text));
        }
    }

    [Theory]
    [InlineData("abc0def", '0')]
    [InlineData("1O", 'O')]
    [InlineData("zzI", 'I')]
    [InlineData("l", 'l')]
    public void A_character_outside_the_alphabet_is_named(string text, char bad)
    {
        var error = Assert.Throws<FormatException>(() => Base58.Decode(text));

        Assert.StartsWith($"'{bad}' is not a base58 character", error.Message, StringComparison.Ordinal);
    }

    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // The definition read backwards: each leading '1' a zero byte, then the big-endian bytes of the base-58 number.
    private static byte[] ReferenceDecode(string text)
    {
        var value = text.Aggregate(BigInteger.Zero, (sum, c) => (sum * 58) + Alphabet.IndexOf(c, StringComparison.Ordinal));
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[text.TakeWhile(c => c == '1').Count()], .. body];
    }

    // The definition: leading zero bytes as '1', then the big-endian number in base 58.
    private static string Reference(byte[] bytes)
    {
        const string alphabet = Alphabet;
        var zeros = bytes.TakeWhile(b => b == 0).Count();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Insert(0, alphabet[(int)remainder]);
        }

        return new string('1', zeros) + digits;
    }
}
