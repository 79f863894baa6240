using Agora.Core.Primitives;
using NSec.Cryptography;

namespace Agora.Core.Crypto;

/// <summary>Ed25519 signatures (RFC 8032) through libsodium.</summary>
public static class Ed25519
{
    /// <summary>Bytes in a signature.</summary>
    public const int SignatureSize = 64;

    /// <summary>Bytes in a seed (the private key).</summary>
    public const int SeedSize = 32;

    private static readonly SignatureAlgorithm _algorithm = SignatureAlgorithm.Ed25519;

    /// <summary>True when <paramref name="signature"/> is <paramref name="signer"/>'s signature of <paramref name="message"/>.</summary>
    public static bool Verify(AccountId signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        if (!PublicKey.TryImport(_algorithm, signer.Bytes, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            return false;
        }

        return _algorithm.Verify(publicKey, message, signature);
    }
}
