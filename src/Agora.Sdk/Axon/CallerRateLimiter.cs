using System.Collections.Concurrent;
using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>
/// A token bucket per caller: <c>CallerBurstMax</c> tokens, refilled at <c>CallerRequestsPerSecondMax</c> per second
/// by the <see cref="TimeProvider"/>. Only verified callers reach it, so a spoofed caller cannot spend another's tokens.
/// </summary>
internal sealed class CallerRateLimiter
{
    private readonly ConcurrentDictionary<AccountId, Bucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _burst;

    public CallerRateLimiter(TimeProvider time, int perSecond, int burst)
    {
        _time = time;
        _perSecond = perSecond;
        _burst = burst;
    }

    /// <summary>Takes one token from <paramref name="caller"/>'s bucket; false when it is empty.</summary>
    public bool TryTake(AccountId caller)
    {
        var now = _time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(caller, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
        lock (bucket)
        {
            var elapsed = _time.GetElapsedTime(bucket.Stamp, now);
            if (elapsed > TimeSpan.Zero)
            {
                bucket.Tokens = Math.Min(_burst, bucket.Tokens + (elapsed.TotalSeconds * _perSecond));
                bucket.Stamp = now;
            }

            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
