using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 8: clipped weights <c>Wc</c> and validator trust.</summary>
internal static class ClipStep
{
    /// <summary><c>Wc[i][j] = min(W[i][j], C[j])</c>, same sparsity pattern as <paramref name="weights"/>.</summary>
    public static FixedCsr Clip(FixedCsr weights, ReadOnlySpan<I32F32> consensus)
    {
        var result = weights.WithRentedValues();
        var clipped = result.Values.AsSpan(0, result.NonZeroCount);
        var columns = weights.Columns.AsSpan(0, clipped.Length);
        var values = weights.Values.AsSpan(0, clipped.Length);
        for (var k = 0; k < clipped.Length; k++)
        {
            clipped[k] = I32F32.Min(values[k], consensus[columns[k]]);
        }

        return result;
    }

    /// <summary><c>VT[i] = Σ_j Wc[i][j]</c>, not normalised.</summary>
    public static I32F32[] ValidatorTrust(FixedCsr clippedWeights) => VectorMath.RowSums(clippedWeights);
}
