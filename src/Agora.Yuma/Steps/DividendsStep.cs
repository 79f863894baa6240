using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 11: dividends.</summary>
internal static class DividendsStep
{
    /// <summary><c>D[i] = Σ_j B'[i][j] · I[j]</c>, normalised.</summary>
    public static I32F32[] Compute(FixedCsr movingAverageBonds, ReadOnlySpan<I32F32> incentive)
    {
        var dividends = VectorMath.RowDotProducts(movingAverageBonds, incentive);
        VectorMath.NormalizeInPlace(dividends);
        return dividends;
    }
}
