using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 8: clipped weights <c>Wc</c> and validator trust.</summary>
internal static class ClipStep
{
    /// <summary><c>Wc[i][j] = min(W[i][j], C[j])</c>.</summary>
    public static I32F32 Clip(I32F32 weight, I32F32 consensus) => I32F32.Min(weight, consensus);

    /// <summary><c>VT[i] = Σ_j Wc[i][j]</c> (not normalised), one row of <paramref name="weights"/> at a time.</summary>
    public static I32F32[] ValidatorTrust(FixedCsr weights, ReadOnlySpan<I32F32> consensus)
    {
        var trust = new I32F32[weights.Size];
        for (var i = 0; i < weights.Size; i++)
        {
            var columns = weights.RowColumns(i);
            var values = weights.RowValues(i);
            var sum = I32F32.Zero;
            for (var k = 0; k < columns.Length; k++)
            {
                sum += Clip(values[k], consensus[columns[k]]);
            }

            trust[i] = sum;
        }

        return trust;
    }
}
