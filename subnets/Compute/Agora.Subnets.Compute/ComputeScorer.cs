namespace Agora.Subnets.Compute;

/// <summary>
/// The subnet's scoring rule for one answer, a pure function of its verdict and latency: anything but
/// <see cref="ResponseVerdict.Correct"/> scores 0; a correct answer scores 1 − latency / (2 · deadline), from 1
/// (instant) down to 1/2 (at the deadline), and 0 after the deadline. Correctness dominates (the slowest correct
/// answer earns half the fastest, a wrong one nothing), while speed still pays up to twice as much.
/// </summary>
public static class ComputeScorer
{
    /// <summary>The score of an answer judged <paramref name="verdict"/> that took <paramref name="latency"/>.</summary>
    public static double Score(ResponseVerdict verdict, TimeSpan latency, TimeSpan deadline) =>
        verdict == ResponseVerdict.Correct ? LatencyScore(latency, deadline) : 0;

    /// <summary>
    /// 1 − latency / (2 · deadline) for a latency within the deadline, else 0; a negative latency (clock skew)
    /// counts as 0. Strictly decreasing in the latency up to the deadline.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The deadline is not positive.</exception>
    public static double LatencyScore(TimeSpan latency, TimeSpan deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        if (latency > deadline)
        {
            return 0;
        }

        var clamped = latency < TimeSpan.Zero ? TimeSpan.Zero : latency;
        return 1 - (clamped / (2 * deadline));
    }
}
