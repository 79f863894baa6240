using Agora.Sdk.Wallet;

namespace Agora.Sdk.Tests.Wallet;

/// <summary>Deterministic "randomness" for tests: consecutive byte values from a start.</summary>
internal sealed class CountingRandom(byte start = 1) : ISecureRandom
{
    private byte _next = start;

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _next++;
        }
    }
}
