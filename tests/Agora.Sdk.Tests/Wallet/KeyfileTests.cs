using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Sdk.Wallet;

namespace Agora.Sdk.Tests.Wallet;

public sealed class KeyfileTests
{
    private static readonly KeyfileKdfParameters _fastKdf = new(MemoryKib: 64, Iterations: 1);
    private static readonly byte[] _salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] _nonce = Enumerable.Range(100, 24).Select(i => (byte)i).ToArray();

    [Fact]
    public void An_encrypted_keyfile_opens_with_its_password()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var json = Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, _fastKdf);

        using var opened = Keyfile.Open(json, "test", () => "correct horse");

        Assert.Equal(alice.Account, opened.Account);
    }

    [Fact]
    public void The_public_key_and_address_are_in_clear_and_the_seed_is_not()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var seedHex = Convert.ToHexStringLower(alice.ExportSeed());

        var json = Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, _fastKdf);
        var info = Keyfile.ReadInfo(json, "test");

        Assert.Contains("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", json, StringComparison.Ordinal);
        Assert.DoesNotContain(seedHex, json, StringComparison.Ordinal);
        Assert.True(info.IsEncrypted);
        Assert.Equal("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", info.Ss58Address);
    }

    [Fact]
    public void A_wrong_password_is_reported_as_such()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var json = Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, _fastKdf);

        var error = Assert.Throws<WrongPasswordException>(() =>
        {
            using var pair = Keyfile.Open(json, "coldkey", () => "battery staple");
        });

        Assert.StartsWith("wrong password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modified_ciphertext_is_reported_as_tampered_not_as_a_wrong_password()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var node = JsonNode.Parse(Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, _fastKdf))!;
        var ciphertext = (string)node["cipher"]!["ciphertext"]!;
        node["cipher"]!["ciphertext"] = ciphertext[..^1] + (ciphertext[^1] == '0' ? '1' : '0');

        var error = Assert.Throws<KeyfileException>(() =>
        {
            using var pair = Keyfile.Open(node.ToJsonString(), "coldkey", () => "correct horse");
        });

        Assert.Equal(KeyfileError.Tampered, error.Error);
        Assert.Contains("was modified or is corrupted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swapped_public_key_is_reported_as_tampered()
    {
        using var alice = KeyPair.FromUri("//Alice");
        using var bob = KeyPair.FromUri("//Bob");
        var node = JsonNode.Parse(Keyfile.Plain(alice))!;
        node["public_key"] = Agora.Core.Primitives.HexFormat.Encode(bob.Account.Bytes);
        node["ss58_address"] = Ss58.Encode(bob.Account);

        var error = Assert.Throws<KeyfileException>(() => Keyfile.ReadInfo(node.ToJsonString(), "hotkey"));

        Assert.Equal(KeyfileError.Tampered, error.Error);
    }

    [Fact]
    public void An_unencrypted_keyfile_opens_without_asking_for_a_password()
    {
        using var bob = KeyPair.FromUri("//Bob");
        var json = Keyfile.Plain(bob);

        using var opened = Keyfile.Open(json, "hotkey", () => throw new InvalidOperationException("no password expected"));

        Assert.Equal(bob.Account, opened.Account);
        Assert.False(Keyfile.ReadInfo(json, "hotkey").IsEncrypted);
    }

    [Fact]
    public void An_unknown_version_is_named()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var node = JsonNode.Parse(Keyfile.Plain(alice))!;
        node["version"] = 2;

        var error = Assert.Throws<KeyfileException>(() => Keyfile.ReadInfo(node.ToJsonString(), "hotkey"));

        Assert.Equal(KeyfileError.UnsupportedVersion, error.Error);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kdf_parameters_beyond_the_limits_are_refused_before_any_work()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var node = JsonNode.Parse(Keyfile.Encrypt(alice, "pw", _salt, _nonce, _fastKdf))!;
        node["kdf"]!["memory_kib"] = int.MaxValue;

        var error = Assert.Throws<KeyfileException>(() => Keyfile.ReadInfo(node.ToJsonString(), "coldkey"));

        Assert.Equal(KeyfileError.Malformed, error.Error);
        Assert.Contains("memory_kib", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"format\":\"agora-keyfile\",\"version\":1,\"key_type\":\"ed25519\"}")]
    public void Malformed_files_are_named_as_such(string json)
    {
        var error = Assert.Throws<KeyfileException>(() => Keyfile.ReadInfo(json, "hotkeys/x"));

        Assert.Equal(KeyfileError.Malformed, error.Error);
        Assert.StartsWith("hotkeys/x is not a valid keyfile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_files_keep_their_exact_format()
    {
        using var alice = KeyPair.FromUri("//Alice");
        var json = Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, _fastKdf);

        var golden = Golden.Check("keyfile-v1-encrypted.json", json);

        using var opened = Keyfile.Open(golden, "golden", () => "correct horse");
        Assert.Equal(alice.Account, opened.Account);
    }

    [Fact]
    public void Version_1_plain_files_keep_their_exact_format()
    {
        using var bob = KeyPair.FromUri("//Bob");

        var golden = Golden.Check("keyfile-v1-plain.json", Keyfile.Plain(bob));

        using var opened = Keyfile.Open(golden, "golden", () => throw new InvalidOperationException());
        Assert.Equal(bob.Account, opened.Account);
    }

    [Fact]
    public void The_default_kdf_cost_is_accepted_by_libsodium_and_round_trips()
    {
        using var alice = KeyPair.FromUri("//Alice");

        var json = Keyfile.Encrypt(alice, "correct horse", _salt, _nonce, KeyfileKdfParameters.Default);

        using var opened = Keyfile.Open(json, "test", () => "correct horse");
        Assert.Equal(alice.Account, opened.Account);
        Assert.Contains("\"memory_kib\": 65536", json, StringComparison.Ordinal);
    }
}
