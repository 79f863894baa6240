using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>
/// Bounded concurrency with stake priority: up to <c>ConcurrentRequestsMax</c> handlers run; later requests wait, and
/// a freed slot goes to the waiter with the most stake (earliest first among equals). When <c>QueuedRequestsMax</c>
/// are waiting, the lowest-ranked request (the newcomer or a waiter) is shed, so a flood of low-stake calls cannot
/// push out the validators that matter to the miner.
/// </summary>
internal sealed class AdmissionQueue
{
    private readonly Lock _gate = new();
    private readonly SortedSet<Waiter> _waiting = new(WaiterOrder.Instance);
    private readonly int _slotsMax;
    private readonly int _queueMax;
    private int _running;
    private long _arrivals;

    public AdmissionQueue(int slotsMax, int queueMax)
    {
        _slotsMax = slotsMax;
        _queueMax = queueMax;
    }

    /// <summary>Requests waiting now.</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>True when a slot was granted (call <see cref="Release"/> after); false when this request was shed.</summary>
    public async ValueTask<bool> EnterAsync(Rao stake, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (_running < _slotsMax && _waiting.Count == 0)
            {
                _running++;
                return true;
            }

            waiter = new Waiter(stake, _arrivals++);
            if (_waiting.Count >= _queueMax)
            {
                if (_waiting.Count == 0 || WaiterOrder.Instance.Compare(waiter, _waiting.Max!) > 0)
                {
                    return false;
                }

                var lowest = _waiting.Max!;
                _waiting.Remove(lowest);
                lowest.Grant.TrySetResult(false);
            }

            _waiting.Add(waiter);
        }

        try
        {
#pragma warning disable VSTHRD003 // our own completion source, set by Release or by shedding
            return await waiter.Grant.Task.WaitAsync(cancellationToken);
#pragma warning restore VSTHRD003
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (_waiting.Remove(waiter))
                {
                    throw;
                }
            }

            // Granted or shed while being cancelled: hand a granted slot on.
#pragma warning disable VSTHRD003 // completed here: it left the waiting set under the lock, which only happens on grant or shed
            if (await waiter.Grant.Task)
#pragma warning restore VSTHRD003
            {
                Release();
            }

            throw;
        }
    }

    /// <summary>Frees a slot: the best waiter takes it over, or the running count drops.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_waiting.Count > 0)
            {
                var best = _waiting.Min!;
                _waiting.Remove(best);
                best.Grant.TrySetResult(true);
                return;
            }

            _running--;
        }
    }

    private sealed class Waiter(Rao stake, long arrival)
    {
        public Rao Stake { get; } = stake;

        public long Arrival { get; } = arrival;

        public TaskCompletionSource<bool> Grant { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Best first: more stake, then earlier arrival (unique, so the set never merges two waiters).</summary>
    private sealed class WaiterOrder : IComparer<Waiter>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare(Waiter? x, Waiter? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return 1;
            }

            if (y is null)
            {
                return -1;
            }

            var byStake = y.Stake.Value.CompareTo(x.Stake.Value);
            return byStake != 0 ? byStake : x.Arrival.CompareTo(y.Arrival);
        }
    }
}
