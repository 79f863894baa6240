using NSec.Cryptography;

namespace Agora.Core.Crypto;

/// <summary>Blake2b (RFC 7693) through libsodium.</summary>
public static class Blake2b
{
    /// <summary>Blake2b with a 32-byte output.</summary>
    public static byte[] Hash256(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_256.Hash(data);

    /// <summary>Blake2b with a 64-byte output.</summary>
    public static byte[] Hash512(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_512.Hash(data);
}
