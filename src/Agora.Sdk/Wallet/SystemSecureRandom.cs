using System.Security.Cryptography;

namespace Agora.Sdk.Wallet;

/// <summary>The operating system's CSPRNG; the only implementation used outside tests.</summary>
public sealed class SystemSecureRandom : ISecureRandom
{
    /// <summary>The shared instance (stateless).</summary>
    public static SystemSecureRandom Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
