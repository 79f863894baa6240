using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Vector helpers with the reference's fixed-point semantics.</summary>
internal static class VectorMath
{
    /// <summary>Divides every entry by the sum (saturating, in order); leaves an all-zero vector unchanged.</summary>
    public static void NormalizeInPlace(Span<I32F32> values)
    {
        var sum = I32F32.Sum(values);
        if (sum.IsZero)
        {
            return;
        }

        // Zero stays zero; skipping it saves a division for each of the many neurons without stake or rank.
        for (var i = 0; i < values.Length; i++)
        {
            if (!values[i].IsZero)
            {
                values[i] /= sum;
            }
        }
    }

    /// <summary>A normalised copy, see <see cref="NormalizeInPlace"/>.</summary>
    public static I32F32[] Normalize(ReadOnlySpan<I32F32> values)
    {
        var copy = values.ToArray();
        NormalizeInPlace(copy);
        return copy;
    }

    /// <summary><c>x[i] / y[i]</c>, zero where <c>y[i]</c> is zero.</summary>
    public static I32F32[] Divide(ReadOnlySpan<I32F32> x, ReadOnlySpan<I32F32> y)
    {
        var result = new I32F32[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = x[i].IsZero ? I32F32.Zero : x[i] / y[i];
        }

        return result;
    }
}
