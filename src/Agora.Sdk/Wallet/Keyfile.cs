using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using AeadAlgorithm = NSec.Cryptography.AeadAlgorithm;
using Argon2Parameters = NSec.Cryptography.Argon2Parameters;
using Key = NSec.Cryptography.Key;
using PasswordBasedKeyDerivationAlgorithm = NSec.Cryptography.PasswordBasedKeyDerivationAlgorithm;

namespace Agora.Sdk.Wallet;

/// <summary>
/// The keyfile format (spec/keys.md), version 1: JSON with the public key and address in clear, and the
/// 32-byte seed either encrypted (Argon2id → XChaCha20-Poly1305) or, for hotkeys on request, in clear. The
/// mnemonic is never stored. A Blake2b-256 checksum over every field tells a modified file ("tampered")
/// apart from a wrong password; the AEAD tag (which also covers the header) makes a wrong password fail
/// cleanly instead of yielding garbage. Randomness (salt, nonce) comes from the caller.
/// </summary>
public static class Keyfile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Bytes of Argon2id salt.</summary>
    public const int SaltSize = 16;

    /// <summary>Bytes of XChaCha20-Poly1305 nonce.</summary>
    public const int NonceSize = 24;

    /// <summary>Largest keyfile read, in bytes.</summary>
    public const int FileBytesMax = 64 * 1024;

    private const string _format = "agora-keyfile";
    private const string _keyType = "ed25519";
    private const string _kdfName = "argon2id";
    private const string _cipherName = "xchacha20-poly1305";
    private const int _tagSize = 16;

    private static readonly AeadAlgorithm _aead = AeadAlgorithm.XChaCha20Poly1305;

    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>An encrypted keyfile for <paramref name="pair"/>.</summary>
    public static string Encrypt(KeyPair pair, string password, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> nonce, KeyfileKdfParameters kdf)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (salt.Length != SaltSize || nonce.Length != NonceSize)
        {
            throw new ArgumentException($"a keyfile needs a {SaltSize}-byte salt and a {NonceSize}-byte nonce", nameof(salt));
        }

        if (kdf.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(kdf));
        }

        var header = Header(pair.Account, kdf, salt);
        var seed = pair.ExportSeed();
        byte[] ciphertext;
        using (var key = DeriveKey(password, salt, kdf))
        {
            ciphertext = _aead.Encrypt(key, nonce, header, seed);
        }

        CryptographicOperations.ZeroMemory(seed);
        var document = Describe(pair.Account);
        document.Encrypted = true;
        document.Kdf = new KeyfileKdfDocument
        {
            Algorithm = _kdfName,
            MemoryKib = kdf.MemoryKib,
            Iterations = kdf.Iterations,
            Parallelism = kdf.Parallelism,
            Salt = HexFormat.Encode(salt),
        };
        document.Cipher = new KeyfileCipherDocument { Algorithm = _cipherName, Nonce = HexFormat.Encode(nonce), Ciphertext = HexFormat.Encode(ciphertext) };
        document.Checksum = HexFormat.Encode(Blake2b.Hash256([.. header, .. nonce, .. ciphertext]));
        return JsonSerializer.Serialize(document, _json) + "\n";
    }

    /// <summary>An unencrypted keyfile (for hotkeys whose owner asked for no password).</summary>
    public static string Plain(KeyPair pair)
    {
        var seed = pair.ExportSeed();
        var document = Describe(pair.Account);
        document.Seed = HexFormat.Encode(seed);
        document.Checksum = HexFormat.Encode(Blake2b.Hash256([.. Header(pair.Account, null, []), .. seed]));
        CryptographicOperations.ZeroMemory(seed);
        return JsonSerializer.Serialize(document, _json) + "\n";
    }

    /// <summary>Reads the clear part, checking the format and checksum; needs no password.</summary>
    public static KeyfileInfo ReadInfo(string json, string source)
    {
        var parsed = Parse(json, source);
        return new KeyfileInfo(parsed.Account, parsed.Document.Encrypted);
    }

    /// <summary>
    /// Opens a keyfile. <paramref name="password"/> is called only when the seed is encrypted. Throws
    /// <see cref="WrongPasswordException"/> or <see cref="KeyfileException"/> naming <paramref name="source"/>.
    /// </summary>
    public static KeyPair Open(string json, string source, Func<string> password)
    {
        var parsed = Parse(json, source);
        var document = parsed.Document;
        byte[] seed;
        if (!document.Encrypted)
        {
            seed = HexFormat.Decode(document.Seed!);
        }
        else
        {
            using var key = DeriveKey(password(), parsed.Salt, parsed.Kdf!);
            var header = Header(parsed.Account, parsed.Kdf, parsed.Salt);
            var plaintext = new byte[Ed25519.SeedSize];
            if (!_aead.Decrypt(key, parsed.Nonce, header, parsed.Ciphertext, plaintext))
            {
                throw new WrongPasswordException($"wrong password for {source}; try again (the password cannot be recovered, but `agora wallet regen` restores the key from its mnemonic)");
            }

            seed = plaintext;
        }

        try
        {
            var pair = KeyPair.FromSeed(seed);
            if (pair.Account != parsed.Account)
            {
                pair.Dispose();
                throw Tampered(source, "its seed does not belong to the public key it records");
            }

            return pair;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static ParsedKeyfile Parse(string json, string source)
    {
        if (Encoding.UTF8.GetByteCount(json) > FileBytesMax)
        {
            throw new KeyfileException(KeyfileError.TooLarge, $"{source} is larger than {FileBytesMax} bytes; it is not an Agora keyfile");
        }

        KeyfileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<KeyfileDocument>(json, _json);
        }
        catch (JsonException e)
        {
            throw Malformed(source, $"it is not valid keyfile JSON ({e.Message})", e);
        }

        if (document is null || document.Format != _format)
        {
            throw Malformed(source, $"its \"format\" is not \"{_format}\"");
        }

        if (document.Version != Version)
        {
            throw new KeyfileException(
                KeyfileError.UnsupportedVersion,
                $"{source} has keyfile version {document.Version}, this build reads version {Version}; upgrade agora or regenerate the key from its mnemonic");
        }

        try
        {
            return document.Encrypted ? ParseEncrypted(document, source) : ParsePlain(document, source);
        }
        catch (FormatException e)
        {
            throw Malformed(source, e.Message, e);
        }
    }

    private static ParsedKeyfile ParsePlain(KeyfileDocument document, string source)
    {
        var account = ParseAccount(document, source);
        var seed = HexFormat.Decode(document.Seed ?? throw new FormatException("\"seed\" is missing"), Ed25519.SeedSize, "seed");
        CheckChecksum(document, source, [.. Header(account, null, []), .. seed]);
        return new ParsedKeyfile(document, account, null, [], [], []);
    }

    private static ParsedKeyfile ParseEncrypted(KeyfileDocument document, string source)
    {
        var account = ParseAccount(document, source);
        var kdfDocument = document.Kdf ?? throw new FormatException("\"kdf\" is missing");
        var cipher = document.Cipher ?? throw new FormatException("\"cipher\" is missing");
        if (kdfDocument.Algorithm != _kdfName || cipher.Algorithm != _cipherName)
        {
            throw new FormatException($"it uses {kdfDocument.Algorithm}/{cipher.Algorithm}, expected {_kdfName}/{_cipherName}");
        }

        var kdf = new KeyfileKdfParameters(kdfDocument.MemoryKib, kdfDocument.Iterations, kdfDocument.Parallelism);
        if (kdf.Validate() is { } problem)
        {
            throw new FormatException(problem);
        }

        var salt = HexFormat.Decode(kdfDocument.Salt ?? throw new FormatException("\"salt\" is missing"), SaltSize, "salt");
        var nonce = HexFormat.Decode(cipher.Nonce ?? throw new FormatException("\"nonce\" is missing"), NonceSize, "nonce");
        var ciphertext = HexFormat.Decode(cipher.Ciphertext ?? throw new FormatException("\"ciphertext\" is missing"), Ed25519.SeedSize + _tagSize, "ciphertext");
        CheckChecksum(document, source, [.. Header(account, kdf, salt), .. nonce, .. ciphertext]);
        return new ParsedKeyfile(document, account, kdf, salt, nonce, ciphertext);
    }

    private static AccountId ParseAccount(KeyfileDocument document, string source)
    {
        if (document.KeyType != _keyType)
        {
            throw new FormatException($"its key type is \"{document.KeyType}\", expected \"{_keyType}\"");
        }

        var account = new AccountId(HexFormat.Decode(document.PublicKey ?? throw new FormatException("\"public_key\" is missing"), AccountId.Size, "public_key"));
        if (document.Ss58Address != Ss58.Encode(account))
        {
            throw Tampered(source, "its ss58_address does not match its public_key");
        }

        return account;
    }

    private static void CheckChecksum(KeyfileDocument document, string source, ReadOnlySpan<byte> covered)
    {
        var stored = HexFormat.Decode(document.Checksum ?? throw new FormatException("\"checksum\" is missing"), 32, "checksum");
        if (!CryptographicOperations.FixedTimeEquals(stored, Blake2b.Hash256(covered)))
        {
            throw Tampered(source, "its checksum does not match its contents");
        }
    }

    private static KeyfileDocument Describe(AccountId account) => new()
    {
        Format = _format,
        Version = Version,
        KeyType = _keyType,
        PublicKey = HexFormat.Encode(account.Bytes),
        Ss58Address = Ss58.Encode(account),
    };

    // The bytes the AEAD authenticates and the checksum starts with: format, version, key, KDF parameters, salt.
    private static byte[] Header(AccountId account, KeyfileKdfParameters? kdf, ReadOnlySpan<byte> salt)
    {
        var format = Encoding.ASCII.GetBytes(_format);
        var header = new byte[format.Length + 1 + AccountId.Size + 12 + salt.Length];
        format.CopyTo(header, 0);
        var at = format.Length;
        header[at++] = Version;
        account.Bytes.CopyTo(header.AsSpan(at));
        at += AccountId.Size;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(at), kdf?.MemoryKib ?? 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(at + 4), kdf?.Iterations ?? 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(at + 8), kdf?.Parallelism ?? 0);
        salt.CopyTo(header.AsSpan(at + 12));
        return header;
    }

    private static Key DeriveKey(string password, ReadOnlySpan<byte> salt, KeyfileKdfParameters kdf)
    {
        var parameters = new Argon2Parameters
        {
            MemorySize = kdf.MemoryKib,
            NumberOfPasses = kdf.Iterations,
            DegreeOfParallelism = kdf.Parallelism,
        };
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(in parameters);
        return algorithm.DeriveKey(password, salt, _aead);
    }

    private static KeyfileException Malformed(string source, string detail, Exception? inner = null) =>
        new(KeyfileError.Malformed, $"{source} is not a valid keyfile: {detail}; restore it from its mnemonic with `agora wallet regen`", inner);

    private static KeyfileException Tampered(string source, string detail) =>
        new(KeyfileError.Tampered, $"{source} was modified or is corrupted: {detail}; restore it from a backup or from its mnemonic with `agora wallet regen`");

    private sealed record ParsedKeyfile(
        KeyfileDocument Document,
        AccountId Account,
        KeyfileKdfParameters? Kdf,
        byte[] Salt,
        byte[] Nonce,
        byte[] Ciphertext);
}
