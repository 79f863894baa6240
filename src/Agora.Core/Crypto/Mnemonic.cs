using System.Security.Cryptography;
using System.Text;

namespace Agora.Core.Crypto;

/// <summary>
/// BIP39 English mnemonics: entropy ↔ words with the SHA-256 checksum, and the Substrate mini secret
/// (PBKDF2-HMAC-SHA512 over the entropy, not the phrase; see spec/keys.md). Reads no randomness: a caller
/// that generates a phrase supplies the entropy bytes.
/// </summary>
public static class Mnemonic
{
    /// <summary>PBKDF2 iterations of the mini secret.</summary>
    public const int Pbkdf2Iterations = 2048;

    /// <summary>Bytes in a mini secret (an Ed25519 seed).</summary>
    public const int MiniSecretSize = 32;

    /// <summary>Fewest words in a phrase.</summary>
    public const int WordCountMin = 12;

    /// <summary>Most words in a phrase.</summary>
    public const int WordCountMax = 24;

    private const int _bitsPerWord = 11;

    /// <summary>True for the BIP39 word counts 12, 15, 18, 21 and 24.</summary>
    public static bool IsValidWordCount(int words) => words is >= WordCountMin and <= WordCountMax && words % 3 == 0;

    /// <summary>The entropy bytes a phrase of <paramref name="words"/> words holds (12 → 16, 24 → 32).</summary>
    public static int EntropySizeFor(int words) => IsValidWordCount(words)
        ? words / 3 * 4
        : throw new ArgumentOutOfRangeException(nameof(words), words, "a mnemonic has 12, 15, 18, 21 or 24 words");

    /// <summary>The phrase for 16, 20, 24, 28 or 32 bytes of entropy (12 to 24 words).</summary>
    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException(
                $"mnemonic entropy has 16, 20, 24, 28 or 32 bytes, got {entropy.Length}", nameof(entropy));
        }

        var checksumBits = entropy.Length / 4;
        var bits = new byte[entropy.Length + 1];
        entropy.CopyTo(bits);
        bits[entropy.Length] = SHA256.HashData(entropy)[0];
        var wordCount = (entropy.Length * 8 + checksumBits) / _bitsPerWord;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
        {
            var index = 0;
            for (var b = 0; b < _bitsPerWord; b++)
            {
                index = (index << 1) | GetBit(bits, w * _bitsPerWord + b);
            }

            words[w] = Bip39WordList.Words[index];
        }

        return string.Join(' ', words);
    }

    /// <summary>The entropy of a phrase, or throws <see cref="MnemonicException"/> naming the problem.</summary>
    public static byte[] ToEntropy(string phrase) =>
        TryToEntropy(phrase, out var entropy, out var error) ? entropy : throw error;

    /// <summary>The entropy of a phrase; on failure <paramref name="error"/> names the problem and the fix.</summary>
    public static bool TryToEntropy(string phrase, out byte[] entropy, out MnemonicException error)
    {
        entropy = [];
        error = null!;
        var words = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!IsValidWordCount(words.Length))
        {
            error = new MnemonicException(
                MnemonicError.WrongWordCount,
                $"a mnemonic has 12, 15, 18, 21 or 24 words, this one has {words.Length}; check that the whole phrase was copied, with spaces between the words");
            return false;
        }

        var bits = new byte[(words.Length * _bitsPerWord + 7) / 8];
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w].ToLowerInvariant();
            var index = Bip39WordList.IndexOf(word);
            if (index < 0)
            {
                error = new MnemonicException(
                    MnemonicError.UnknownWord,
                    $"unknown word \"{words[w]}\" at position {w + 1}: it is not in the BIP39 English word list{Suggestion(word)}; check it against your backup",
                    w + 1,
                    words[w]);
                return false;
            }

            for (var b = 0; b < _bitsPerWord; b++)
            {
                SetBit(bits, w * _bitsPerWord + b, (index >> (_bitsPerWord - 1 - b)) & 1);
            }
        }

        var entropyBytes = EntropySizeFor(words.Length);
        var candidate = bits.AsSpan(0, entropyBytes).ToArray();
        var checksumBits = entropyBytes / 4;
        var expected = SHA256.HashData(candidate)[0] >> (8 - checksumBits);
        var actual = 0;
        for (var b = 0; b < checksumBits; b++)
        {
            actual = (actual << 1) | GetBit(bits, entropyBytes * 8 + b);
        }

        if (expected != actual)
        {
            error = new MnemonicException(
                MnemonicError.BadChecksum,
                "the mnemonic's checksum does not match: every word is a BIP39 word, but one is wrong or the words are out of order; compare each word with your backup");
            return false;
        }

        entropy = candidate;
        return true;
    }

    /// <summary>True when <paramref name="phrase"/> is a valid mnemonic.</summary>
    public static bool IsValid(string phrase) => TryToEntropy(phrase, out _, out _);

    /// <summary>
    /// The 32-byte mini secret the Substrate way: PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password, 2048
    /// iterations, 64 bytes), first 32 bytes.
    /// </summary>
    public static byte[] MiniSecret(ReadOnlySpan<byte> entropy, string password)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException(
                $"mnemonic entropy has 16, 20, 24, 28 or 32 bytes, got {entropy.Length}", nameof(entropy));
        }

        var salt = Encoding.UTF8.GetBytes("mnemonic" + password);
        var seed = Rfc2898DeriveBytes.Pbkdf2(entropy, salt, Pbkdf2Iterations, HashAlgorithmName.SHA512, 64);
        var miniSecret = seed[..MiniSecretSize];
        CryptographicOperations.ZeroMemory(seed);
        return miniSecret;
    }

    private static string Suggestion(string word)
    {
        // BIP39 English words are unique in their first four letters.
        if (word.Length < 4)
        {
            return string.Empty;
        }

        foreach (var candidate in Bip39WordList.Words)
        {
            if (candidate.StartsWith(word[..4], StringComparison.Ordinal))
            {
                return $" (did you mean \"{candidate}\"?)";
            }
        }

        return string.Empty;
    }

    private static int GetBit(byte[] bytes, int bit) => (bytes[bit / 8] >> (7 - bit % 8)) & 1;

    private static void SetBit(byte[] bytes, int bit, int value)
    {
        if (value != 0)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }
    }
}
