namespace Agora.Node.Rpc;

/// <summary>
/// Lets one log line through per interval and counts the ones held back, so that an attacker who triggers a
/// limit thousands of times a second costs the log one line per interval, not one per hit.
/// </summary>
internal sealed class LogThrottle
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private long _nextAllowed;
    private long _suppressed;

    public LogThrottle(TimeSpan interval, TimeProvider time)
    {
        _time = time;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>True when a line may be logged now; <paramref name="suppressed"/> says how many were held back since the last one.</summary>
    public bool TryEnter(out long suppressed)
    {
        var now = _time.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, next) != next)
        {
            Interlocked.Increment(ref _suppressed);
            suppressed = 0;
            return false;
        }

        suppressed = Interlocked.Exchange(ref _suppressed, 0);
        return true;
    }
}
