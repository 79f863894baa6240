using System.Text;
using Agora.Core.Crypto;

namespace Agora.Core.Tests.Crypto;

public sealed class Ed25519HardDerivationTests
{
    [Fact]
    public void A_decimal_junction_is_a_little_endian_u64_padded_to_32_bytes()
    {
        var code = Ed25519HardDerivation.ChainCode("258");

        Assert.Equal(new byte[] { 2, 1, 0, 0, 0, 0, 0, 0 }, code[..8]);
        Assert.All(code[8..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_name_junction_is_a_scale_string_padded_to_32_bytes()
    {
        var code = Ed25519HardDerivation.ChainCode("Alice");

        Assert.Equal([(byte)(5 << 2), .. "Alice"u8.ToArray()], code[..6]);
        Assert.All(code[6..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_hex_junction_is_its_raw_bytes()
    {
        var code = Ed25519HardDerivation.ChainCode("0xABcd");

        Assert.Equal(new byte[] { 0xab, 0xcd }, code[..2]);
        Assert.All(code[2..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Odd_length_hex_is_treated_as_a_name_as_polkadot_js_does()
    {
        Assert.Equal(Ed25519HardDerivation.ScaleString("0xabc"), Ed25519HardDerivation.ChainCode("0xabc")[..6]);
    }

    [Fact]
    public void A_junction_encoding_longer_than_32_bytes_is_hashed_with_blake2b_256()
    {
        var name = new string('x', 40);

        var code = Ed25519HardDerivation.ChainCode(name);

        Assert.Equal(Blake2b.Hash256(Ed25519HardDerivation.ScaleString(name)), code);
    }

    [Fact]
    public void An_encoding_of_exactly_32_bytes_is_kept_as_is()
    {
        var name = new string('y', 31);

        Assert.Equal(Ed25519HardDerivation.ScaleString(name), Ed25519HardDerivation.ChainCode(name));
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(63, new byte[] { 0xfc })]
    [InlineData(64, new byte[] { 0x01, 0x01 })]
    [InlineData(16383, new byte[] { 0xfd, 0xff })]
    [InlineData(16384, new byte[] { 0x02, 0x00, 0x01, 0x00 })]
    [InlineData(1073741824, new byte[] { 0x03, 0x00, 0x00, 0x00, 0x40 })]
    public void Compact_lengths_follow_scale(int length, byte[] expected)
    {
        Assert.Equal(expected, Ed25519HardDerivation.CompactLength(length));
    }

    [Fact]
    public void The_derivation_domain_tag_is_the_scale_string_ed25519hdkd()
    {
        var seed = new byte[32];
        var chainCode = new byte[32];
        chainCode[0] = 7;
        byte[] input = [0x2c, .. Encoding.ASCII.GetBytes("Ed25519HDKD"), .. seed, .. chainCode];

        Assert.Equal(Blake2b.Hash256(input), Ed25519HardDerivation.Derive(seed, chainCode));
    }
}
