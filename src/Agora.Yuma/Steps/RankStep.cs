using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 9: ranks, trust and incentive.</summary>
internal static class RankStep
{
    /// <summary>
    /// Rank of one column (<see cref="WeightColumns"/>) from the clipped weights: <c>R[j] = Σ_i min(W[i][j], C[j]) ·
    /// S[i]</c>. (Its prerank comes from <see cref="ColumnSummary"/>.) Stakes and weights lie in [0, 1] and the stakes
    /// sum to at most 1, so the sum never saturates.
    /// </summary>
    public static I32F32 Rank(ReadOnlySpan<long> entries, ReadOnlySpan<I32F32> activeStake, I32F32 consensus)
    {
        long sum = 0;
        foreach (var entry in entries)
        {
            sum += UnitInterval.Multiply(activeStake[WeightColumns.Row(entry)], ClipStep.Clip(WeightColumns.Weight(entry), consensus)).Bits;
        }

        return new I32F32(sum);
    }

    /// <summary><c>T[j] = R[j] / P[j]</c>, 0 where <c>P[j] = 0</c>; taken before ranks are normalised.</summary>
    public static I32F32[] Trust(ReadOnlySpan<I32F32> ranks, ReadOnlySpan<I32F32> preranks) => VectorMath.Divide(ranks, preranks);

    /// <summary><c>I = normalise(R)</c>; the output rank is this same vector.</summary>
    public static I32F32[] Incentive(ReadOnlySpan<I32F32> ranks) => VectorMath.Normalize(ranks);
}
