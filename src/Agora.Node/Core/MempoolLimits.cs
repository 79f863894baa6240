namespace Agora.Node.Core;

/// <summary>Bounds on the transaction pool, so a flood of transactions costs bounded memory and block-building time.</summary>
public sealed record MempoolLimits
{
    /// <summary>Most transactions waiting at once, ready and future together.</summary>
    public int TransactionCountMax { get; init; } = 100_000;

    /// <summary>Most encoded bytes waiting at once, ready and future together.</summary>
    public long TransactionBytesMax { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How far ahead of its account's next nonce a sender may queue, in nonces: nonces <c>next … next + max − 1</c> are
    /// accepted, so this is also the most transactions one sender may have waiting. Keeps one account from holding a
    /// large share of the pool; 64 leaves room for a client streaming transfers one block ahead (the throughput
    /// benchmark keeps about 31 pending per account).
    /// </summary>
    public int SenderNonceAheadCountMax { get; init; } = 64;

    /// <summary>
    /// Most future transactions (a nonce gap before them, so not includable yet) waiting at once. They wait in their own
    /// queue, so transactions that cannot be included never crowd out ones that can.
    /// </summary>
    public int FutureTransactionCountMax { get; init; } = 8192;

    /// <summary>Most encoded bytes of future transactions waiting at once (see <see cref="FutureTransactionCountMax"/>).</summary>
    public long FutureTransactionBytesMax { get; init; } = 8L * 1024 * 1024;
}
