using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Steps 6 and 9: preranks, ranks, trust and incentive.</summary>
internal static class RankStep
{
    /// <summary><c>R[j] = Σ_i W[i][j] · S[i]</c> (preranks from <c>W</c>, ranks from <c>Wc</c>).</summary>
    public static I32F32[] Ranks(FixedCsr weights, ReadOnlySpan<I32F32> activeStake) =>
        VectorMath.RowWeightedColumnSums(weights, activeStake);

    /// <summary><c>T[j] = R[j] / P[j]</c>, 0 where <c>P[j] = 0</c>; taken before ranks are normalised.</summary>
    public static I32F32[] Trust(ReadOnlySpan<I32F32> ranks, ReadOnlySpan<I32F32> preranks) => VectorMath.Divide(ranks, preranks);

    /// <summary><c>I = normalise(R)</c>; the output rank is this same vector.</summary>
    public static I32F32[] Incentive(ReadOnlySpan<I32F32> ranks) => VectorMath.Normalize(ranks);
}
