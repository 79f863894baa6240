using System.Security.Cryptography;
using System.Text;
using Agora.Core.Crypto;
using CsCheck;

namespace Agora.Core.Tests.Crypto;

public sealed class MnemonicTests
{
    // substrate-bip39 (paritytech) vectors: phrase, entropy, PBKDF2 seed with password "Substrate".
    public static TheoryData<string, string, string> SubstrateVectors => new()
    {
        {
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            "00000000000000000000000000000000",
            "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e3"
        },
        {
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            "4313249608fe8ac10fd5886c92c4579007272cb77c21551ee5b8d60b78041685"
        },
        {
            "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
            "ffffffffffffffffffffffffffffffff",
            "227d6256fd4f9ccaf06c45eaa4b2345969640462bbb00c5f51f43cb43418c7a7"
        },
        {
            "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
            "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            "cb1d50e14101024a88905a098feb1553d4306d072d7460e167a60ccb3439a681"
        },
        {
            "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
            "8080808080808080808080808080808080808080808080808080808080808080",
            "2c9c6144a06ae5a855453d98c3dea470e2a8ffb78179c2e9eb15208ccca7d831"
        },
        {
            "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
            "9e885d952ad362caeb4efe34a8e91bd2",
            "f4956be6960bc145cdab782e649a5056598fd07cd3f32ceb73421c3da2783324"
        },
        {
            "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
            "6610b25967cdcca9d59875f5cb50b0ea75433311869e930b",
            "fbcc5229ade0c0ff018cb7a329c5459f91876e4dde2a97ddf03c832eab7f2612"
        },
        {
            "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
            "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
            "7c60c555126c297deddddd59f8cdcdc9e3608944455824dd604897984b5cc369"
        },
    };

    [Theory]
    [MemberData(nameof(SubstrateVectors))]
    public void Phrase_entropy_and_mini_secret_match_substrate_bip39(string phrase, string entropyHex, string miniSecretHex)
    {
        var entropy = Mnemonic.ToEntropy(phrase);

        Assert.Equal(entropyHex, Convert.ToHexStringLower(entropy));
        Assert.Equal(phrase, Mnemonic.FromEntropy(entropy));
        Assert.Equal(miniSecretHex, Convert.ToHexStringLower(Mnemonic.MiniSecret(entropy, "Substrate")));
    }

    [Fact]
    public void The_word_list_is_the_official_bip39_english_list()
    {
        var text = string.Join('\n', Bip39WordList.Words) + "\n";

        Assert.Equal(2048, Bip39WordList.Words.Length);
        Assert.Equal(
            "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void Entropy_round_trips_through_words_for_every_length()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Byte.Array[32]).Sample((size, bytes) =>
        {
            var entropy = bytes[..(16 + size * 4)];

            var phrase = Mnemonic.FromEntropy(entropy);

            Assert.Equal(12 + size * 3, phrase.Split(' ').Length);
            Assert.Equal(entropy, Mnemonic.ToEntropy(phrase));
        });
    }

    [Theory]
    [InlineData(12, 16)]
    [InlineData(24, 32)]
    public void A_word_count_needs_the_matching_entropy_size(int words, int bytes)
    {
        Assert.Equal(bytes, Mnemonic.EntropySizeFor(words));
        Assert.Equal(words, Mnemonic.FromEntropy(new byte[bytes]).Split(' ').Length);
    }

    [Fact]
    public void An_unknown_word_is_named_with_its_position()
    {
        var error = Assert.Throws<MnemonicException>(
            () => Mnemonic.ToEntropy("bottom drive xyz lake curtain smoke basket hold race lonely fit walk"));

        Assert.Equal(MnemonicError.UnknownWord, error.Error);
        Assert.Equal(3, error.Position);
        Assert.Equal("xyz", error.Word);
        Assert.StartsWith("unknown word \"xyz\" at position 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_word_gets_a_suggestion_from_its_first_four_letters()
    {
        var error = Assert.Throws<MnemonicException>(
            () => Mnemonic.ToEntropy("bottom drive obey lake curtains smoke basket hold race lonely fit walk"));

        Assert.Contains("did you mean \"curtain\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapped_words_fail_the_checksum()
    {
        var error = Assert.Throws<MnemonicException>(
            () => Mnemonic.ToEntropy("drive bottom obey lake curtain smoke basket hold race lonely fit walk"));

        Assert.Equal(MnemonicError.BadChecksum, error.Error);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_word_with_other_checksum_bits_fails_the_checksum()
    {
        Gen.Byte.Array[16].Sample(entropy =>
        {
            var words = Mnemonic.FromEntropy(entropy).Split(' ');
            var last = Array.IndexOf(Bip39WordList.Words, words[^1]);
            // In a 12-word phrase the last word's low 4 bits are the checksum; change only those.
            words[^1] = Bip39WordList.Words[(last & ~0xF) | ((last + 1) & 0xF)];

            Assert.False(Mnemonic.IsValid(string.Join(' ', words)));
        });
    }

    [Theory]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit", 11)]
    [InlineData("bottom drive obey lake curtain smoke basket hold race lonely fit walk walk", 13)]
    [InlineData("", 0)]
    public void A_wrong_word_count_is_rejected_with_the_count(string phrase, int count)
    {
        var error = Assert.Throws<MnemonicException>(() => Mnemonic.ToEntropy(phrase));

        Assert.Equal(MnemonicError.WrongWordCount, error.Error);
        Assert.Contains($"this one has {count}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_whitespace_and_capitals_are_accepted()
    {
        Assert.Equal(
            Mnemonic.ToEntropy(SecretUri.DevPhrase),
            Mnemonic.ToEntropy("  Bottom drive  obey lake curtain smoke\tbasket hold race lonely fit WALK "));
    }
}
