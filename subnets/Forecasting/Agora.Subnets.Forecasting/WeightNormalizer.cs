namespace Agora.Subnets.Forecasting;

/// <summary>Turns per-miner scores into the u16 weights a validator sets on chain.</summary>
public static class WeightNormalizer
{
    /// <summary>
    /// Weights proportional to the scores, scaled so the largest is <see cref="ushort.MaxValue"/> (the chain normalises
    /// rows itself; using the full range keeps the most precision). A missing, negative or non-finite score counts as 0;
    /// when no score is positive every weight is 0.
    /// </summary>
    public static ushort[] ToWeights(IReadOnlyList<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var clean = new double[scores.Count];
        var max = 0.0;
        for (var i = 0; i < clean.Length; i++)
        {
            clean[i] = scores[i] is { } s && double.IsFinite(s) && s > 0 ? s : 0.0;
            max = Math.Max(max, clean[i]);
        }

        var weights = new ushort[clean.Length];
        if (max <= 0)
            return weights;
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (ushort)Math.Round(clean[i] / max * ushort.MaxValue, MidpointRounding.AwayFromZero);
        return weights;
    }
}
