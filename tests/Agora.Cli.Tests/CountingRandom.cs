using Agora.Sdk.Wallet;

namespace Agora.Cli.Tests;

/// <summary>Deterministic "randomness": consecutive byte values, so generated keys are reproducible.</summary>
internal sealed class CountingRandom : ISecureRandom
{
    private byte _next = 1;

    public void Fill(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _next++;
        }
    }
}
