using System.Diagnostics;
using Agora.Core.Primitives;

namespace Agora.Node.Core;

// Keeping the indexes in step: every insertion and removal goes through here, and each sender's ready/future split is
// recomputed after its queue changed (a queue holds at most SenderNonceAheadCountMax transactions, so that is cheap).
public sealed partial class Mempool
{
    /// <summary>The sender's queue with stale nonces dropped, or null when the sender has nothing waiting.</summary>
    private SenderQueue? QueueAt(AccountId sender, ulong accountNonce)
    {
        if (!_bySender.TryGetValue(sender, out var queue))
        {
            return null;
        }

        Advance(queue, accountNonce);
        return _bySender.GetValueOrDefault(sender);
    }

    private void Advance(SenderQueue queue, ulong accountNonce)
    {
        if (accountNonce <= queue.AccountNonce)
        {
            return;
        }

        foreach (var stale in queue.ByNonce.Values.TakeWhile(p => p.Nonce < accountNonce).ToArray())
        {
            Detach(stale);
        }

        queue.AccountNonce = accountNonce;
        Reclassify(queue);
    }

    private void Insert(PooledTransaction pooled, ulong accountNonce)
    {
        _byHash.Add(pooled.Transaction.Hash, pooled);
        if (!_bySender.TryGetValue(pooled.Sender, out var queue))
        {
            queue = new SenderQueue(accountNonce);
            _bySender.Add(pooled.Sender, queue);
        }

        queue.ByNonce.Add(pooled.Nonce, pooled);
        if (!_byPayer.TryGetValue(pooled.Payer, out var reservation))
        {
            reservation = new PayerReservation();
            _byPayer.Add(pooled.Payer, reservation);
        }

        reservation.Add(pooled);
        _byExpiry.Add(pooled);
        Bytes += pooled.Bytes;

        // Enters as future; Reclassify promotes it, and the futures it closes the gap for, when no gap stands before it.
        pooled.IsReady = false;
        _future.Add(pooled);
        FutureBytes += pooled.Bytes;
        Reclassify(queue);
    }

    /// <summary>Removes <paramref name="pooled"/> from every index without touching the rest of its sender's queue.</summary>
    private void Detach(PooledTransaction pooled)
    {
        _byHash.Remove(pooled.Transaction.Hash);
        var queue = _bySender[pooled.Sender];
        queue.ByNonce.Remove(pooled.Nonce);
        if (queue.Head == pooled)
        {
            _readyHeads.Remove(pooled);
            queue.Head = null;
        }

        if (pooled.IsReady)
        {
            _ready.Remove(pooled);
            queue.ReadyCount--;
        }
        else
        {
            _future.Remove(pooled);
            FutureBytes -= pooled.Bytes;
        }

        if (queue.ByNonce.Count == 0)
        {
            Debug.Assert(queue.ReadyCount == 0 && queue.Head is null, "an empty queue has nothing ready");
            _bySender.Remove(pooled.Sender);
        }

        var reservation = _byPayer[pooled.Payer];
        reservation.Remove(pooled);
        if (reservation.Transactions.Count == 0)
        {
            _byPayer.Remove(pooled.Payer);
        }

        _byExpiry.Remove(pooled);
        Bytes -= pooled.Bytes;
    }

    /// <summary>Removes <paramref name="pooled"/> and, when it was ready, its sender's later transactions that waited on it.</summary>
    private void DropWithDependents(PooledTransaction pooled) => DropAll(WithDependents(pooled).ToArray());

    private void DropAll(IReadOnlyCollection<PooledTransaction> victims)
    {
        var touched = new HashSet<AccountId>();
        foreach (var victim in victims)
        {
            Detach(victim);
            touched.Add(victim.Sender);
        }

        foreach (var sender in touched)
        {
            if (_bySender.TryGetValue(sender, out var queue))
            {
                Reclassify(queue);
            }
        }
    }

    /// <summary>
    /// <paramref name="pooled"/> and, when it is ready, every later transaction of its sender: without it a gap opens
    /// before them, and the future queue's bound must not be overrun by demotion.
    /// </summary>
    private IEnumerable<PooledTransaction> WithDependents(PooledTransaction pooled)
    {
        yield return pooled;
        if (pooled.IsReady)
        {
            foreach (var later in _bySender[pooled.Sender].ByNonce.Values.Where(p => p.Nonce > pooled.Nonce))
            {
                yield return later;
            }
        }
    }

    /// <summary>Recomputes which of the sender's transactions are ready (no gap from the account nonce) and its head.</summary>
    private void Reclassify(SenderQueue queue)
    {
        var readyCount = 0;
        var gap = false;
        foreach (var pooled in queue.ByNonce.Values)
        {
            // Once a gap opens, everything after it waits.
            gap = gap || pooled.Nonce != queue.AccountNonce + (ulong)readyCount;
            var ready = !gap;
            if (ready)
            {
                readyCount++;
            }

            if (ready != pooled.IsReady)
            {
                MoveBetweenQueues(pooled, ready);
            }
        }

        queue.ReadyCount = readyCount;
        var head = readyCount > 0 ? queue.ByNonce[queue.AccountNonce] : null;
        if (head != queue.Head)
        {
            if (queue.Head is not null)
            {
                _readyHeads.Remove(queue.Head);
            }

            if (head is not null)
            {
                _readyHeads.Add(head);
            }

            queue.Head = head;
        }
    }

    private void MoveBetweenQueues(PooledTransaction pooled, bool ready)
    {
        if (ready)
        {
            _future.Remove(pooled);
            FutureBytes -= pooled.Bytes;
            _ready.Add(pooled);
        }
        else
        {
            _ready.Remove(pooled);
            _future.Add(pooled);
            FutureBytes += pooled.Bytes;
        }

        pooled.IsReady = ready;
    }
}
