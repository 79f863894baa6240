using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Node.Core;

/// <summary>
/// Transactions waiting for a block, split like Substrate's pool: <em>ready</em> ones (no nonce gap before them, so a
/// block can include them now) and <em>future</em> ones (waiting for a gap to fill) in their own bounded queue, which can
/// never crowd out ready ones. Per sender in nonce order, across senders by tip (then arrival); bounded in count and
/// bytes. Nothing waits that its payer cannot pay for: the costs of a payer's waiting transactions are summed against its
/// free balance. Signatures are checked before admission (see <see cref="NodeCore"/>), never again.
/// Not thread-safe: the node core serialises access.
/// </summary>
public sealed partial class Mempool
{
    // Higher tip first, then earlier arrival: Min is the best, Max the cheapest.
    private static readonly Comparer<PooledTransaction> Priority = Comparer<PooledTransaction>.Create((x, y) =>
    {
        var byTip = y!.Tip.CompareTo(x!.Tip);
        return byTip != 0 ? byTip : x.Sequence.CompareTo(y.Sequence);
    });

    // Earliest last valid block first, then arrival.
    private static readonly Comparer<PooledTransaction> Expiry = Comparer<PooledTransaction>.Create((x, y) =>
    {
        var byBlock = x!.LastValidBlock.CompareTo(y!.LastValidBlock);
        return byBlock != 0 ? byBlock : x.Sequence.CompareTo(y.Sequence);
    });

    private readonly MempoolLimits _limits;
    private readonly Dictionary<Hash256, PooledTransaction> _byHash = [];
    private readonly Dictionary<AccountId, SenderQueue> _bySender = [];
    private readonly Dictionary<AccountId, PayerReservation> _byPayer = [];
    private readonly SortedSet<PooledTransaction> _ready = new(Priority);
    private readonly SortedSet<PooledTransaction> _future = new(Priority);

    // The first ready transaction of each sender that has one, so building a block never walks senders that wait.
    private readonly SortedSet<PooledTransaction> _readyHeads = new(Priority);
    private readonly SortedSet<PooledTransaction> _byExpiry = new(Expiry);
    private long _sequence;

    /// <summary>Creates an empty pool with <paramref name="limits"/>.</summary>
    public Mempool(MempoolLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Transactions waiting, ready and future.</summary>
    public int Count => _byHash.Count;

    /// <summary>Encoded bytes waiting, ready and future.</summary>
    public long Bytes { get; private set; }

    /// <summary>Transactions a block could include now.</summary>
    public int ReadyCount => _ready.Count;

    /// <summary>Transactions waiting for a nonce gap to fill.</summary>
    public int FutureCount => _future.Count;

    /// <summary>Encoded bytes of the transactions waiting for a nonce gap to fill.</summary>
    public long FutureBytes { get; private set; }

    /// <summary>True when the pool holds <paramref name="hash"/>.</summary>
    public bool Contains(Hash256 hash) => _byHash.ContainsKey(hash);

    /// <summary>True when the pool holds <paramref name="hash"/> and no nonce gap stands before it.</summary>
    public bool IsReady(Hash256 hash) => _byHash.TryGetValue(hash, out var pooled) && pooled.IsReady;

    /// <summary>What <paramref name="payer"/>'s waiting transactions can take from its free balance.</summary>
    public Rao Reserved(AccountId payer) => new(_byPayer.TryGetValue(payer, out var reservation) ? reservation.Reserved : 0);

    /// <summary>
    /// Adds a transaction whose signature and era were checked, whose nonce is not below <paramref name="accountNonce"/>
    /// and whose payer can pay its fee and tip on their own; <paramref name="charge"/> says what it reserves from that
    /// payer. Returns the rejection when it cannot wait here; a rejection changes nothing.
    /// </summary>
    public TxRejection? Add(SignedTransaction transaction, ulong accountNonce, TransactionCharge charge)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(charge);
        if (_byHash.ContainsKey(transaction.Hash))
        {
            return new(TxError.Duplicate, $"transaction {transaction.Hash} is already in the pool");
        }

        var nonce = transaction.Body.Nonce;
        if (nonce < accountNonce)
        {
            return new(TxError.StaleNonce, $"nonce {nonce} was already used; the account's next nonce is {accountNonce}");
        }

        var aheadMax = (ulong)_limits.SenderNonceAheadCountMax;
        if (nonce - accountNonce >= aheadMax)
        {
            return new(TxError.SenderPoolFull,
                $"nonce {nonce} is too far ahead of the account's next nonce {accountNonce}: a sender may queue nonces {accountNonce} … {accountNonce + aheadMax - 1}; wait for those to be included");
        }

        var queue = QueueAt(transaction.Sender, accountNonce);
        PooledTransaction? replaced = null;
        if (queue is not null && queue.ByNonce.TryGetValue(nonce, out var existing))
        {
            if (transaction.Body.Tip.Value <= existing.Tip)
            {
                return new(TxError.NonceTaken, $"the pool holds {existing.Transaction.Hash} with nonce {nonce} and tip {existing.Transaction.Body.Tip.ToTaoString()}; raise the tip to replace it");
            }

            replaced = existing;
        }

        if (CheckAffordable(charge, replaced) is { } unaffordable)
        {
            return unaffordable;
        }

        var incoming = new PooledTransaction(transaction, _sequence, charge.Payer, (ulong)charge.Cost.Total);
        var ready = nonce <= (queue?.ReadyEnd ?? accountNonce);
        if (PlanRoom(incoming, replaced, ready, queue?.ReadyEnd ?? accountNonce, out var victims) is { } full)
        {
            return full;
        }

        _sequence++;
        DropAll(victims);
        if (replaced is not null)
        {
            // The replacement takes the same nonce, so the sender's later transactions keep waiting on it.
            Detach(replaced);
        }

        Insert(incoming, accountNonce);
        return null;
    }

    /// <summary>
    /// Candidates for the next block: each sender's ready transactions in nonce order, senders interleaved by the tip
    /// of their next transaction (then arrival). Walks only senders with a ready transaction. Do not change the pool
    /// while enumerating.
    /// </summary>
    public IEnumerable<SignedTransaction> ReadyTransactions()
    {
        var heads = new SortedSet<PooledTransaction>(_readyHeads, Priority);
        while (heads.Count > 0)
        {
            var best = heads.Min!;
            heads.Remove(best);
            yield return best.Transaction;
            if (_bySender.TryGetValue(best.Sender, out var queue) && queue.ByNonce.TryGetValue(best.Nonce + 1, out var next) && next.IsReady)
            {
                heads.Add(next);
            }
        }
    }

    /// <summary>
    /// Drops what a new block made useless: nonces below each touched sender's account nonce (promoting the futures
    /// whose gap the block closed), and transactions whose era ended before <paramref name="nextBlock"/> with the later
    /// transactions of their sender that waited on them.
    /// </summary>
    public void Prune(IEnumerable<AccountId> touchedSenders, Func<AccountId, ulong> nextNonce, ulong nextBlock)
    {
        ArgumentNullException.ThrowIfNull(touchedSenders);
        ArgumentNullException.ThrowIfNull(nextNonce);
        foreach (var sender in touchedSenders.Distinct())
        {
            if (_bySender.TryGetValue(sender, out var queue))
            {
                Advance(queue, nextNonce(sender));
            }
        }

        while (_byExpiry.Count > 0 && _byExpiry.Min!.LastValidBlock < nextBlock)
        {
            DropWithDependents(_byExpiry.Min);
        }
    }

    /// <summary>
    /// After a block: for each of <paramref name="payers"/> (those whose balance changed) whose waiting transactions now
    /// reserve more than <paramref name="freeOf"/> gives, drops its highest-nonce transactions (with the later ones of
    /// their sender) until the rest fit. Returns how many transactions were dropped.
    /// </summary>
    public int Recheck(IEnumerable<AccountId> payers, Func<AccountId, Rao> freeOf)
    {
        ArgumentNullException.ThrowIfNull(payers);
        ArgumentNullException.ThrowIfNull(freeOf);
        var before = Count;
        foreach (var payer in payers.Distinct())
        {
            if (!_byPayer.ContainsKey(payer))
            {
                continue;
            }

            var free = freeOf(payer).Value;
            while (_byPayer.TryGetValue(payer, out var reservation) && reservation.Reserved > free)
            {
                DropWithDependents(reservation.Transactions.Max!);
            }
        }

        return before - Count;
    }

    /// <summary>
    /// Removes one transaction, e.g. one that failed when a block tried it, with the later transactions of its sender
    /// that waited on it.
    /// </summary>
    public void Remove(Hash256 hash)
    {
        if (_byHash.TryGetValue(hash, out var pooled))
        {
            DropWithDependents(pooled);
        }
    }

    private TxRejection? CheckAffordable(TransactionCharge charge, PooledTransaction? replaced)
    {
        _byPayer.TryGetValue(charge.Payer, out var reservation);
        var reserved = reservation?.Reserved ?? 0;
        var waiting = reservation?.Transactions.Count ?? 0;
        if (replaced is not null && replaced.Payer == charge.Payer)
        {
            // A replacement releases what the transaction it replaces reserved.
            reserved -= replaced.Cost;
            waiting--;
        }

        if ((UInt128)reserved + charge.Cost.Total <= charge.PayerFree.Value)
        {
            return null;
        }

        var who = charge.Hotkey is { } hotkey ? $"{charge.Payer} (owner of hotkey {hotkey})" : charge.Payer.ToString();
        return new(TxError.InsufficientBalance,
            $"{who} has {charge.PayerFree.ToTaoString()} TAO free; its {waiting} waiting transactions reserve {new Rao(reserved).ToTaoString()} TAO " +
            $"and this one needs {charge.Cost.TotalText} TAO ({charge.Cost}); wait for those to be included, or fund the account");
    }
}
