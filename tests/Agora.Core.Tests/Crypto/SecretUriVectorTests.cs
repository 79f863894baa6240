using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Core.Tests.Crypto;

/// <summary>Published vectors from polkadot.js (@polkadot/keyring, type ed25519) and Substrate's sp-core.</summary>
public sealed class SecretUriVectorTests
{
    [Theory]
    [InlineData("//Alice", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu")]
    [InlineData("//Bob", "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E")]
    [InlineData("//Charlie", "5DbKjhNLpqX3zqZdNBc9BGb4fHU1cRBaDhJUskrvkwfraDi6")]
    [InlineData("//Dave", "5ECTwv6cZ5nJQPk6tWfaTrEk8YH2L7X1VT4EL5Tx2ikfFwb7")]
    [InlineData("//Eve", "5Ck2miBfCe1JQ4cY3NDsXyBaD6EcsgiVmEFTWwqNSs25XDEq")]
    [InlineData("//Ferdie", "5E2BmpVFzYGd386XRCZ76cDePMB3sfbZp5ZKGUsrG1m6gomN")]
    public void Dev_accounts_have_the_ed25519_addresses_that_polkadot_js_gives(string uri, string address)
    {
        using var pair = KeyPair.FromUri(uri);

        Assert.Equal(address, Ss58.Encode(pair.Account));
    }

    [Fact]
    public void Alice_has_the_published_public_key()
    {
        using var pair = KeyPair.FromUri("//Alice");

        Assert.Equal("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee", HexFormat.Encode(pair.Account.Bytes));
    }

    [Fact]
    public void A_bare_junction_stands_on_the_development_phrase()
    {
        using var bare = KeyPair.FromUri("//Alice");
        using var full = KeyPair.FromUri(SecretUri.DevPhrase + "//Alice");

        Assert.Equal(bare.Account, full.Account);
        Assert.True(SecretUri.Parse("//Alice").IsDevPhrase);
        Assert.False(SecretUri.Parse(SecretUri.DevPhrase + "//Alice").IsDevPhrase);
    }

    [Fact]
    public void A_mnemonic_without_junctions_gives_the_polkadot_js_ed25519_address()
    {
        using var pair = KeyPair.FromUri("seed sock milk update focus rotate barely fade car face mechanic mercy");

        Assert.Equal("5DkQP32jP4DVJLWWBRBoZF2tpWjqFrcrTBo6H5NcSk7MxKCC", Ss58.Encode(pair.Account));
    }

    [Fact]
    public void A_mnemonic_gives_the_public_key_inside_a_published_kusama_address()
    {
        // polkadot.js: ed25519 addFromMnemonic, ss58Format 2 → HSLu2eci2GCfWkRimjjdTXKoFSDL3rBv5Ey2JWCBj68cVZj.
        var kusama = Base58.Decode("HSLu2eci2GCfWkRimjjdTXKoFSDL3rBv5Ey2JWCBj68cVZj");

        using var pair = KeyPair.FromUri("moral movie very draw assault whisper awful rebuild speed purity repeat card");

        Assert.Equal(2, kusama[0]);
        Assert.Equal(kusama.AsSpan(1, 32).ToArray(), pair.Account.Bytes.ToArray());
    }

    [Fact]
    public void A_hex_seed_is_the_seed_itself_as_in_rfc_8032_test_1()
    {
        using var pair = KeyPair.FromUri("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        Assert.Equal("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", HexFormat.Encode(pair.Account.Bytes));
        Assert.Equal(
            "0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            HexFormat.Encode(pair.Sign([])));
    }

    [Theory]
    [InlineData("//0")]
    [InlineData("//0x00")]
    [InlineData("//0x0000000000000000000000000000000000000000000000000000000000000000")]
    public void Numeric_and_hex_junctions_match_substrates_hard_derivation_vector(string junction)
    {
        // sp-core ed25519 seed_and_derive_should_work: seed 9d61… with DeriveJunction::Hard([0u8; 32]).
        var uri = SecretUri.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60" + junction);

        Assert.Equal("0xede3354e133f9c8e337ddd6ee5415ed4b4ffe5fc7d21e933f4930a3730e5b21c", HexFormat.Encode(uri.DeriveSeed()));
    }

    [Fact]
    public void A_password_after_a_dev_junction_is_the_mnemonic_password_as_in_substrate()
    {
        // sp-core default_phrase_should_be_used: "//Alice///password" == DEV_PHRASE//Alice with password "password".
        var entropy = Mnemonic.ToEntropy(SecretUri.DevPhrase);
        var expected = Ed25519HardDerivation.Derive(Mnemonic.MiniSecret(entropy, "password"), Ed25519HardDerivation.ChainCode("Alice"));

        var uri = SecretUri.Parse("//Alice///password");

        Assert.True(uri.HasPassword);
        Assert.Equal(expected, uri.DeriveSeed());
        using var withPassword = uri.ToKeyPair();
        using var without = KeyPair.FromUri("//Alice");
        Assert.NotEqual(without.Account, withPassword.Account);
    }

    [Fact]
    public void Junctions_apply_in_order_each_hardening_the_previous_seed()
    {
        var root = SecretUri.Parse("//Alice").DeriveSeed();
        var expected = Ed25519HardDerivation.Derive(root, Ed25519HardDerivation.ChainCode("stash"));

        var uri = SecretUri.Parse("//Alice//stash");

        Assert.Equal(["Alice", "stash"], uri.HardJunctions);
        Assert.Equal(expected, uri.DeriveSeed());
    }
}
