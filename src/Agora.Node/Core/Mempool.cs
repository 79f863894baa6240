using Agora.Core.Primitives;
using Agora.Runtime.Transactions;

namespace Agora.Node.Core;

/// <summary>
/// Transactions waiting for a block: per sender in nonce order, across senders by tip (then arrival), bounded
/// in count and bytes. Signatures are checked before admission (see <see cref="NodeCore"/>), never again.
/// Not thread-safe: the node core serialises access.
/// </summary>
public sealed class Mempool
{
    private readonly MempoolLimits _limits;
    private readonly Dictionary<Hash256, PooledTransaction> _byHash = [];
    private readonly Dictionary<AccountId, SortedDictionary<ulong, PooledTransaction>> _bySender = [];
    private readonly SortedSet<PooledTransaction> _byPriority = new(Comparer<PooledTransaction>.Create(ComparePriority));
    private long _sequence;

    /// <summary>Creates an empty pool with <paramref name="limits"/>.</summary>
    public Mempool(MempoolLimits limits) => _limits = limits;

    /// <summary>Transactions waiting.</summary>
    public int Count => _byHash.Count;

    /// <summary>Encoded bytes waiting.</summary>
    public long Bytes { get; private set; }

    /// <summary>True when the pool holds <paramref name="hash"/>.</summary>
    public bool Contains(Hash256 hash) => _byHash.ContainsKey(hash);

    /// <summary>
    /// Adds a transaction whose signature and era were checked and whose nonce is not below
    /// <paramref name="accountNonce"/>. Returns the rejection when it cannot wait here.
    /// </summary>
    public TxRejection? Add(SignedTransaction transaction, ulong accountNonce)
    {
        if (_byHash.ContainsKey(transaction.Hash))
        {
            return new(TxError.Duplicate, $"transaction {transaction.Hash} is already in the pool");
        }

        var nonce = transaction.Body.Nonce;
        if (nonce >= accountNonce + (ulong)_limits.SenderTransactionCountMax)
        {
            return new(TxError.SenderPoolFull, $"nonce {nonce} is too far ahead of the account's next nonce {accountNonce}; at most {_limits.SenderTransactionCountMax} may wait");
        }

        _bySender.TryGetValue(transaction.Sender, out var queue);
        if (queue is not null && queue.TryGetValue(nonce, out var existing))
        {
            if (transaction.Body.Tip.Value <= existing.Tip)
            {
                return new(TxError.NonceTaken, $"the pool holds {existing.Transaction.Hash} with nonce {nonce} and tip {existing.Transaction.Body.Tip.ToTaoString()}; raise the tip to replace it");
            }

            Remove(existing);
        }
        else if (queue is not null && queue.Count >= _limits.SenderTransactionCountMax)
        {
            return new(TxError.SenderPoolFull, $"{transaction.Sender} already has {queue.Count} transactions waiting, the limit");
        }

        while (_byHash.Count >= _limits.TransactionCountMax || Bytes + transaction.Encoded.Length > _limits.TransactionBytesMax)
        {
            var cheapest = _byPriority.Max!;
            if (cheapest.Tip >= transaction.Body.Tip.Value)
            {
                return new(TxError.PoolFull, $"the pool is full ({_byHash.Count} transactions, {Bytes} bytes); a tip above {new Rao(cheapest.Tip).ToTaoString()} TAO gets in");
            }

            Remove(cheapest);
        }

        Insert(new PooledTransaction(transaction, _sequence++));
        return null;
    }

    /// <summary>
    /// Candidates for the next block: each sender's transactions in nonce order, senders interleaved by the tip
    /// of their next transaction (then arrival). <paramref name="nextNonce"/> gives each sender's account nonce; a
    /// sender whose first pooled nonce is not that nonce waits.
    /// </summary>
    public IEnumerable<SignedTransaction> ReadyTransactions(Func<AccountId, ulong> nextNonce)
    {
        var heads = new SortedSet<PooledTransaction>(Comparer<PooledTransaction>.Create(ComparePriority));
        var cursors = new Dictionary<AccountId, IEnumerator<PooledTransaction>>();
        try
        {
            foreach (var (sender, queue) in _bySender)
            {
                var cursor = queue.Values.GetEnumerator();
                if (cursor.MoveNext() && cursor.Current.Nonce == nextNonce(sender))
                {
                    cursors[sender] = cursor;
                    heads.Add(cursor.Current);
                }
                else
                {
                    cursor.Dispose();
                }
            }

            while (heads.Count > 0)
            {
                var best = heads.Min!;
                heads.Remove(best);
                yield return best.Transaction;
                var cursor = cursors[best.Transaction.Sender];
                if (cursor.MoveNext() && cursor.Current.Nonce == best.Nonce + 1)
                {
                    heads.Add(cursor.Current);
                }
            }
        }
        finally
        {
            foreach (var cursor in cursors.Values)
            {
                cursor.Dispose();
            }
        }
    }

    /// <summary>
    /// Drops what a new block made useless: transactions it included, nonces below each sender's account nonce,
    /// and transactions whose era ended before <paramref name="nextBlock"/>.
    /// </summary>
    public void Prune(IEnumerable<AccountId> touchedSenders, Func<AccountId, ulong> nextNonce, ulong nextBlock)
    {
        foreach (var sender in touchedSenders.Distinct())
        {
            if (!_bySender.TryGetValue(sender, out var queue))
            {
                continue;
            }

            var accountNonce = nextNonce(sender);
            foreach (var stale in queue.Values.TakeWhile(p => p.Nonce < accountNonce).ToArray())
            {
                Remove(stale);
            }
        }

        foreach (var expired in _byHash.Values.Where(p => p.Transaction.Body.Era.LastValidBlock < nextBlock).ToArray())
        {
            Remove(expired);
        }
    }

    /// <summary>Removes one transaction, e.g. one that failed when a block tried it.</summary>
    public void Remove(Hash256 hash)
    {
        if (_byHash.TryGetValue(hash, out var pooled))
        {
            Remove(pooled);
        }
    }

    private void Insert(PooledTransaction pooled)
    {
        _byHash.Add(pooled.Transaction.Hash, pooled);
        if (!_bySender.TryGetValue(pooled.Transaction.Sender, out var queue))
        {
            queue = [];
            _bySender.Add(pooled.Transaction.Sender, queue);
        }

        queue.Add(pooled.Nonce, pooled);
        _byPriority.Add(pooled);
        Bytes += pooled.Transaction.Encoded.Length;
    }

    private void Remove(PooledTransaction pooled)
    {
        _byHash.Remove(pooled.Transaction.Hash);
        var queue = _bySender[pooled.Transaction.Sender];
        queue.Remove(pooled.Nonce);
        if (queue.Count == 0)
        {
            _bySender.Remove(pooled.Transaction.Sender);
        }

        _byPriority.Remove(pooled);
        Bytes -= pooled.Transaction.Encoded.Length;
    }

    // Higher tip first, then earlier arrival: Min is the best, Max the cheapest.
    private static int ComparePriority(PooledTransaction? x, PooledTransaction? y)
    {
        var byTip = y!.Tip.CompareTo(x!.Tip);
        return byTip != 0 ? byTip : x.Sequence.CompareTo(y.Sequence);
    }
}
