using Agora.Core.Crypto;
using CsCheck;

namespace Agora.Core.Tests.Crypto;

public sealed class KeyPairTests
{
    [Fact]
    public void A_signature_verifies_for_its_message_and_signer_only()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[0, 100]).Sample((seed, message) =>
        {
            using var pair = KeyPair.FromSeed(seed);
            using var other = KeyPair.FromSeed(Blake2b.Hash256(seed));

            var signature = pair.Sign(message);

            Assert.True(Ed25519.Verify(pair.Account, message, signature));
            Assert.False(Ed25519.Verify(other.Account, message, signature));
            Assert.False(Ed25519.Verify(pair.Account, [.. message, 1], signature));
        }, iter: 50);
    }

    [Fact]
    public void The_exported_seed_rebuilds_the_same_key()
    {
        using var pair = KeyPair.FromUri("//Alice");

        using var rebuilt = KeyPair.FromSeed(pair.ExportSeed());

        Assert.Equal(pair.Account, rebuilt.Account);
    }

    [Fact]
    public void A_seed_of_the_wrong_length_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
        {
            using var pair = KeyPair.FromSeed(new byte[31]);
        });

        Assert.Contains("32 bytes, got 31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_derivation_of_distinct_names_gives_distinct_keys()
    {
        Gen.String[Gen.Char.AlphaNumeric, 1, 40].Sample(name =>
        {
            var a = SecretUri.Parse("//" + name + "//a").DeriveSeed();
            var b = SecretUri.Parse("//" + name + "//b").DeriveSeed();

            Assert.NotEqual(a, b);
        }, iter: 50);
    }
}
