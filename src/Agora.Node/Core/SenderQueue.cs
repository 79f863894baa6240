namespace Agora.Node.Core;

/// <summary>
/// One sender's waiting transactions in nonce order, with the account nonce the pool last saw. The first
/// <see cref="ReadyCount"/> of them carry the nonces <see cref="AccountNonce"/>, +1, … without a gap and are ready; the
/// rest wait for a gap to fill (future).
/// </summary>
internal sealed class SenderQueue(ulong accountNonce)
{
    public SortedDictionary<ulong, PooledTransaction> ByNonce { get; } = [];

    /// <summary>The account's next nonce at the best block.</summary>
    public ulong AccountNonce { get; set; } = accountNonce;

    public int ReadyCount { get; set; }

    /// <summary>The first ready transaction, when there is one: this sender's entry in the pool's ready index.</summary>
    public PooledTransaction? Head { get; set; }

    /// <summary>The nonce that would extend the ready run: a transaction with it (or below, replacing) is ready.</summary>
    public ulong ReadyEnd => AccountNonce + (ulong)ReadyCount;
}
