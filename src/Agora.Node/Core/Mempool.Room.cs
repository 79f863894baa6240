using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Node.Core;

// Making room for a newcomer: a ready transaction may displace future ones (any tip) and then cheaper ready ones; a
// future one may displace only cheaper future ones, never a ready one. Victims are chosen before anything is removed,
// so a refusal changes nothing.
public sealed partial class Mempool
{
    private TxRejection? PlanRoom(PooledTransaction incoming, PooledTransaction? replaced, bool ready, ulong readyEnd, out List<PooledTransaction> victims)
    {
        victims = [];
        var replacedFuture = replaced is { IsReady: false };
        var room = new Room(
            Count + 1 - (replaced is null ? 0 : 1),
            Bytes + incoming.Bytes - (replaced?.Bytes ?? 0),
            FutureCount + (ready ? 0 : 1) - (replacedFuture ? 1 : 0),
            FutureBytes + (ready ? 0 : incoming.Bytes) - (replacedFuture ? replaced!.Bytes : 0));
        var planned = new HashSet<PooledTransaction>();
        foreach (var victim in _future.Reverse())
        {
            if (Fits(room, ready) || (!ready && victim.Tip >= incoming.Tip))
            {
                break;
            }

            // The newcomer's own sender is never a victim: it may be what the newcomer replaces or waits on.
            if (victim.Sender != incoming.Sender)
            {
                room = Plan(victim, room, planned, victims);
            }
        }

        if (!ready && !FitsFuture(room))
        {
            var cheapest = new Rao(_future.Max?.Tip ?? 0).ToTaoString();
            return new(TxError.PoolFull,
                $"the future queue is full ({FutureCount} transactions, {FutureBytes} bytes wait for a nonce gap to fill); submit nonce {readyEnd} first, or a tip above {cheapest} TAO displaces a waiting one");
        }

        if (ready)
        {
            foreach (var victim in _ready.Reverse())
            {
                if (FitsTotal(room) || victim.Tip >= incoming.Tip)
                {
                    break;
                }

                if (victim.Sender != incoming.Sender && !planned.Contains(victim))
                {
                    foreach (var dependent in WithDependents(victim))
                    {
                        room = Plan(dependent, room, planned, victims);
                    }
                }
            }
        }

        if (FitsTotal(room))
        {
            return null;
        }

        victims.Clear();
        return ready
            ? new(TxError.PoolFull, $"the pool is full ({Count} transactions, {Bytes} bytes); a tip above {new Rao(_ready.Max?.Tip ?? 0).ToTaoString()} TAO gets in")
            : new(TxError.PoolFull,
                $"the pool is full ({Count} transactions, {Bytes} bytes) of transactions a block can include, which one waiting for nonce {readyEnd} cannot displace; submit nonce {readyEnd} first");
    }

    private static Room Plan(PooledTransaction victim, Room room, HashSet<PooledTransaction> planned, List<PooledTransaction> victims)
    {
        if (!planned.Add(victim))
        {
            return room;
        }

        victims.Add(victim);
        return victim.IsReady
            ? room with { Count = room.Count - 1, Bytes = room.Bytes - victim.Bytes }
            : new Room(room.Count - 1, room.Bytes - victim.Bytes, room.FutureCount - 1, room.FutureBytes - victim.Bytes);
    }

    private bool Fits(Room room, bool ready) => FitsTotal(room) && (ready || FitsFuture(room));

    private bool FitsTotal(Room room) => room.Count <= _limits.TransactionCountMax && room.Bytes <= _limits.TransactionBytesMax;

    private bool FitsFuture(Room room) => room.FutureCount <= _limits.FutureTransactionCountMax && room.FutureBytes <= _limits.FutureTransactionBytesMax;

    /// <summary>The pool's totals as they would be after the planned changes.</summary>
    private readonly record struct Room(long Count, long Bytes, long FutureCount, long FutureBytes);
}
