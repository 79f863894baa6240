namespace Agora.Subnets.Forecasting;

/// <summary>
/// The validator's scoring rule, as pure functions. When the truth arrives, a forecast's error is its mean absolute
/// error divided by the window's mean absolute one-step change (MASE), so a series' level and size do not matter;
/// its score is <c>1 / (1 + MASE)</c> in (0, 1], and 0 for a missing or malformed response. Each miner's scores are
/// smoothed by an exponential moving average, and the averages become u16 weights (<see cref="WeightNormalizer"/>).
/// </summary>
public static class ForecastScorer
{
    /// <summary>The moving average's default weight on the newest score (about the last 20 queries count).</summary>
    public const double MovingAverageAlphaDefault = 0.05;

    /// <summary>
    /// The forecast's mean absolute scaled error against <paramref name="truth"/>, or null when the response is
    /// missing, has another length than the truth, or holds a value that is not finite. A flat window (no change to
    /// scale by) gives 0 for an exact forecast and +∞ otherwise.
    /// </summary>
    public static double? ScaledError(ForecastRequest request, IReadOnlyList<double> truth, ForecastResponse? response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Count != request.Horizon || truth.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"The truth must hold {request.Horizon} finite values, one per step ahead; found {truth.Count}.", nameof(truth));
        if (response?.Values is not { } values || values.Count != truth.Count || values.Any(v => !double.IsFinite(v)))
            return null;

        var absoluteError = 0.0;
        for (var k = 0; k < truth.Count; k++)
            absoluteError += Math.Abs(values[k] - truth[k]);
        absoluteError /= truth.Count;

        var window = request.Window;
        var naive = 0.0;
        for (var i = 1; i < window.Count; i++)
            naive += Math.Abs(window[i].Value - window[i - 1].Value);
        naive /= Math.Max(1, window.Count - 1);
        if (naive > 0)
            return absoluteError / naive;
        return absoluteError == 0 ? 0.0 : double.PositiveInfinity;
    }

    /// <summary>The score of a scaled error: 1 / (1 + error) for a finite non-negative error, else 0.</summary>
    public static double Score(double? scaledError) =>
        scaledError is { } e && double.IsFinite(e) && e >= 0 ? 1.0 / (1.0 + e) : 0.0;

    /// <summary>The score of one response (0 when it is missing or malformed).</summary>
    public static double Score(ForecastRequest request, IReadOnlyList<double> truth, ForecastResponse? response) =>
        Score(ScaledError(request, truth, response));

    /// <summary>
    /// The exponential moving average after one more score: <c>(1 − α) · average + α · score</c>; a miner with no
    /// average yet starts at its first score, so a late joiner is not held down by zeros it never earned.
    /// </summary>
    public static double UpdateMovingAverage(double? average, double score, double alpha = MovingAverageAlphaDefault)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The moving average's alpha must be in (0, 1].");
        if (!double.IsFinite(score) || score < 0)
            throw new ArgumentOutOfRangeException(nameof(score), score, "A score must be finite and non-negative; use Score to derive one.");
        return average is { } a ? ((1 - alpha) * a) + (alpha * score) : score;
    }

    /// <summary>
    /// Updates every miner's average (indexed by uid) with this round's scores; a null score (not queried this round)
    /// leaves the average as it is. Returns new arrays; the inputs do not change.
    /// </summary>
    public static double?[] UpdateMovingAverages(IReadOnlyList<double?> averages, IReadOnlyList<double?> scores, double alpha = MovingAverageAlphaDefault)
    {
        ArgumentNullException.ThrowIfNull(averages);
        ArgumentNullException.ThrowIfNull(scores);
        if (averages.Count != scores.Count)
            throw new ArgumentException($"One score per miner: {averages.Count} averages but {scores.Count} scores.", nameof(scores));
        var updated = new double?[averages.Count];
        for (var uid = 0; uid < updated.Length; uid++)
            updated[uid] = scores[uid] is { } s ? UpdateMovingAverage(averages[uid], s, alpha) : averages[uid];
        return updated;
    }
}
