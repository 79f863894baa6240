namespace Agora.Node.Core;

/// <summary>Bounds on the transaction pool, so a flood of transactions costs bounded memory.</summary>
public sealed record MempoolLimits
{
    /// <summary>Most transactions waiting at once.</summary>
    public int TransactionCountMax { get; init; } = 100_000;

    /// <summary>Most encoded bytes waiting at once.</summary>
    public long TransactionBytesMax { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most transactions one sender may have waiting.</summary>
    public int SenderTransactionCountMax { get; init; } = 4096;
}
