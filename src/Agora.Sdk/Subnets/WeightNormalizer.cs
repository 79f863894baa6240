using System.Collections.Immutable;

namespace Agora.Sdk.Subnets;

/// <summary>
/// Turns a validator's scores into u16 weights the chain accepts (docs/weights.md, checks 4.4, 4.7 and 4.8): at
/// least <c>min(min_allowed_weights, n)</c> non-zero weights, and no weight above <c>max_weight_limit</c> once the
/// chain normalises them to sum 65,535 (<c>floor(w · 65535 / Σw)</c>). As the reference SDK, all-zero scores give
/// equal weights on every uid, and too few non-zero scores are topped up with the smallest weight on the rest.
/// </summary>
public static class WeightNormalizer
{
    private const double U16Max = ushort.MaxValue;

    /// <summary>How many times the cap is tightened when rounding pushes a weight over the chain's limit.</summary>
    private const int TighteningStepsMax = 256;

    /// <summary>
    /// The weights of <paramref name="scores"/> (index = uid; negative and NaN count as 0) within
    /// <paramref name="maxWeightLimit"/> (a share of 65,535) and <paramref name="minAllowedWeights"/>. When even equal
    /// weights exceed the limit (n · limit &lt; 65,535) no valid weights exist and equal weights are returned.
    /// </summary>
    public static NormalizedWeights Normalize(IReadOnlyList<double> scores, ushort maxWeightLimit, int minAllowedWeights)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("no scores: a subnet with uids gives one score per uid", nameof(scores));
        }

        ArgumentOutOfRangeException.ThrowIfZero(maxWeightLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(minAllowedWeights);
        var values = TopUp(scores, Math.Min(minAllowedWeights, scores.Count));
        for (var step = 0; step < TighteningStepsMax; step++)
        {
            var limit = Math.Max(1, maxWeightLimit - step) / U16Max;
            var capped = Cap(values, limit);
            var weights = ToU16(capped, values);
            if (step == TighteningStepsMax - 1 || WithinLimit(weights, maxWeightLimit))
            {
                return Sparse(weights);
            }
        }

        throw new InvalidOperationException("unreachable: the last tightening step returns");
    }

    /// <summary>The chain's check 4.8: every <c>floor(w · 65535 / Σw)</c> at most <paramref name="maxWeightLimit"/>.</summary>
    public static bool WithinLimit(IReadOnlyList<ushort> weights, ushort maxWeightLimit)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ulong sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        return sum > 0 && weights.All(w => (ulong)w * ushort.MaxValue / sum <= maxWeightLimit);
    }

    private static double[] TopUp(IReadOnlyList<double> scores, int required)
    {
        var values = scores.Select(s => double.IsNaN(s) || s < 0 ? 0 : s).ToArray();
        var nonZero = values.Count(v => v > 0);
        if (nonZero == 0)
        {
            Array.Fill(values, 1);
            return values;
        }

        if (nonZero < required)
        {
            // The smallest weight the chain can hold after max-upscaling; ToU16 keeps every such entry at least 1.
            var least = values.Max() / U16Max;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = values[i] > 0 ? values[i] : least;
            }
        }

        return values;
    }

    /// <summary>Shares summing to 1 with none above <paramref name="limit"/>: the excess of capped shares goes to the others in proportion.</summary>
    private static double[] Cap(double[] values, double limit)
    {
        var sum = values.Sum();
        var shares = values.Select(v => v / sum).ToArray();
        if (limit * shares.Length < 1)
        {
            Array.Fill(shares, 1.0 / shares.Length);
            return shares;
        }

        for (var round = 0; round <= shares.Length; round++)
        {
            var excess = shares.Where(s => s > limit).Sum(s => s - limit);
            if (excess <= 0)
            {
                break;
            }

            var free = shares.Where(s => s < limit).Sum();
            var openCount = shares.Count(s => s < limit);
            if (openCount == 0)
            {
                break;
            }

            for (var i = 0; i < shares.Length; i++)
            {
                if (shares[i] >= limit)
                {
                    shares[i] = Math.Min(shares[i], limit);
                }
                else
                {
                    shares[i] += free > 0 ? excess * shares[i] / free : excess / openCount;
                }
            }
        }

        return shares;
    }

    private static ushort[] ToU16(double[] shares, double[] wanted)
    {
        var max = shares.Max();
        var weights = new ushort[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            var weight = Math.Floor(shares[i] / max * U16Max);
            weights[i] = (ushort)Math.Clamp(weight, wanted[i] > 0 || shares[i] > 0 ? 1 : 0, U16Max);
        }

        return weights;
    }

    private static NormalizedWeights Sparse(ushort[] weights)
    {
        var uids = ImmutableArray.CreateBuilder<ushort>();
        var values = ImmutableArray.CreateBuilder<ushort>();
        for (var uid = 0; uid < weights.Length; uid++)
        {
            if (weights[uid] > 0)
            {
                uids.Add((ushort)uid);
                values.Add(weights[uid]);
            }
        }

        return new NormalizedWeights(uids.ToImmutable(), values.ToImmutable());
    }
}
