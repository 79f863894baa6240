namespace Agora.Sdk.Client;

/// <summary>Exponential backoff with jitter between attempts.</summary>
internal static class RetryBackoff
{
    // 2^20 × the base is beyond any sensible maximum; the cap keeps the shift from overflowing.
    private const int DoublingsMax = 20;

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1 = the first): the cap min(max, base·2^(retry−1)), of which
    /// half is fixed and half scaled by <paramref name="jitter"/> ∈ [0, 1) — "equal jitter": clients that failed
    /// together spread out, yet none hammers a restarting node with near-zero waits.
    /// </summary>
    public static TimeSpan Delay(int retry, TimeSpan backoffBase, TimeSpan backoffMax, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var doublings = Math.Min(retry - 1, DoublingsMax);
        var capTicks = Math.Min(backoffMax.Ticks, backoffBase.Ticks << doublings);
        var half = capTicks / 2;
        return TimeSpan.FromTicks(half + (long)((capTicks - half) * Math.Clamp(jitter, 0, 1)));
    }
}
