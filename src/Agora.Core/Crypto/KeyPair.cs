using Agora.Core.Primitives;
using NSec.Cryptography;

namespace Agora.Core.Crypto;

/// <summary>An Ed25519 key pair built from a 32-byte seed. Holds the secret in libsodium-managed memory.</summary>
public sealed class KeyPair : IDisposable
{
    private readonly Key _key;

    private KeyPair(Key key)
    {
        _key = key;
        Account = new AccountId(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key as an account id.</summary>
    public AccountId Account { get; }

    /// <summary>The key pair of a 32-byte seed (RFC 8032).</summary>
    public static KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed has {Ed25519.SeedSize} bytes, got {seed.Length}", nameof(seed));
        }

        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new KeyPair(Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, in parameters));
    }

    /// <summary>
    /// The key pair of a secret URI (<c>//Alice</c>, a mnemonic with <c>//hard</c> junctions and <c>///password</c>,
    /// or a <c>0x</c> seed); throws <see cref="SecretUriException"/> naming what is wrong.
    /// </summary>
    public static KeyPair FromUri(string secretUri) => SecretUri.Parse(secretUri).ToKeyPair();

    /// <summary>Signs <paramref name="message"/> (64-byte signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>The 32-byte seed, for writing an encrypted keyfile.</summary>
    public byte[] ExportSeed() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
