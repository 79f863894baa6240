using Agora.Core.Crypto;

namespace Agora.Core.Tests.Crypto;

public sealed class SecretUriRejectionTests
{
    private const string _hexSeed = "0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    [Fact]
    public void A_soft_junction_is_rejected_with_the_hard_spelling_as_the_fix()
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse("//Alice/soft"));

        Assert.Equal(SecretUriError.SoftJunction, error.Error);
        Assert.Contains("'//soft'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_on_a_hex_seed_is_rejected()
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse(_hexSeed + "///secret"));

        Assert.Equal(SecretUriError.PasswordOnHexSeed, error.Error);
        Assert.Contains("remove it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_beyond_u64_is_rejected_but_the_largest_u64_is_accepted()
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse("//18446744073709551616"));

        Assert.Equal(SecretUriError.InvalidJunction, error.Error);
        Assert.Contains("18446744073709551615", error.Message, StringComparison.Ordinal);
        Assert.NotNull(SecretUri.Parse("//18446744073709551615"));
    }

    [Theory]
    [InlineData("//")]
    [InlineData("//Alice//")]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60//")]
    public void An_empty_junction_is_rejected(string uri)
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse(uri));

        Assert.Equal(SecretUriError.InvalidJunction, error.Error);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f6")]
    [InlineData("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7fzz")]
    public void A_hex_seed_that_is_not_64_hex_digits_is_rejected(string uri)
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse(uri));

        Assert.Equal(SecretUriError.InvalidHexSeed, error.Error);
        Assert.Contains("hex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_in_the_phrase_is_named_with_its_position()
    {
        var error = Assert.Throws<SecretUriException>(
            () => SecretUri.Parse("bottom drive xyz lake curtain smoke basket hold race lonely fit walk//Alice"));

        Assert.Equal(SecretUriError.InvalidMnemonic, error.Error);
        Assert.Contains("unknown word \"xyz\" at position 3", error.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<MnemonicException>(error.InnerException);
        Assert.Equal(MnemonicError.UnknownWord, inner.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_uri_is_rejected(string uri)
    {
        Assert.False(SecretUri.TryParse(uri, out _, out var error));
        Assert.Equal(SecretUriError.Empty, error.Error);
    }

    [Fact]
    public void A_uri_longer_than_the_limit_is_rejected()
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse("//" + new string('a', SecretUri.LengthMax)));

        Assert.Equal(SecretUriError.TooLong, error.Error);
    }

    [Fact]
    public void More_junctions_than_the_limit_are_rejected()
    {
        var uri = string.Concat(Enumerable.Repeat("//a", SecretUri.JunctionCountMax + 1));

        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse(uri));

        Assert.Equal(SecretUriError.TooManyJunctions, error.Error);
    }

    [Fact]
    public void An_empty_password_is_the_same_as_no_password()
    {
        Assert.Equal(SecretUri.Parse("//Alice").DeriveSeed(), SecretUri.Parse("//Alice///").DeriveSeed());
        Assert.False(SecretUri.Parse("//Alice///").HasPassword);
    }

    [Fact]
    public void Everything_after_the_first_triple_slash_is_the_password_even_slashes()
    {
        var entropy = Mnemonic.ToEntropy(SecretUri.DevPhrase);
        var expected = Ed25519HardDerivation.Derive(Mnemonic.MiniSecret(entropy, "/x//y"), Ed25519HardDerivation.ChainCode("Alice"));

        Assert.Equal(expected, SecretUri.Parse("//Alice////x//y").DeriveSeed());
    }
}
