namespace Agora.EndToEnd.Tests.Harness;

/// <summary>
/// A dev node whose block time is an hour, so that within a test nothing is ever included: what enters the
/// pool stays there, and account state stays at genesis.
/// </summary>
public sealed class IdleNodeFixture : NodeFixture
{
    /// <summary>One hour.</summary>
    public const ulong IdleBlockTimeMs = 3_600_000;

    public IdleNodeFixture()
        : base(IdleBlockTimeMs)
    {
    }
}
