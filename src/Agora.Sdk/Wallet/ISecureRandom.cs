namespace Agora.Sdk.Wallet;

/// <summary>A source of cryptographically secure random bytes, injected so that tests can fix salts and keys.</summary>
public interface ISecureRandom
{
    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    void Fill(Span<byte> buffer);
}
