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

        var divisor = new I32F32Divisor(sum);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = divisor.Divide(values[i]);
        }
    }

    /// <summary>A normalised copy, see <see cref="NormalizeInPlace"/>.</summary>
    public static I32F32[] Normalize(ReadOnlySpan<I32F32> values)
    {
        var copy = values.ToArray();
        NormalizeInPlace(copy);
        return copy;
    }

    /// <summary>Sets entries to zero where <paramref name="mask"/> is true.</summary>
    public static I32F32[] Mask(ReadOnlySpan<I32F32> values, ReadOnlySpan<bool> mask)
    {
        var result = values.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (mask[i])
            {
                result[i] = I32F32.Zero;
            }
        }

        return result;
    }

    /// <summary><c>x[i] / y[i]</c>, zero where <c>y[i]</c> is zero.</summary>
    public static I32F32[] Divide(ReadOnlySpan<I32F32> x, ReadOnlySpan<I32F32> y)
    {
        var result = new I32F32[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = x[i] / y[i];
        }

        return result;
    }

    /// <summary>Column sums of a sparse matrix (saturating).</summary>
    public static I32F32[] ColumnSums(FixedCsr matrix)
    {
        var sums = new I32F32[matrix.Size];
        var columns = matrix.Columns.AsSpan(0, matrix.NonZeroCount);
        var values = matrix.Values.AsSpan(0, matrix.NonZeroCount);
        for (var k = 0; k < columns.Length; k++)
        {
            sums[columns[k]] += values[k];
        }

        return sums;
    }

    /// <summary>Row sums of a sparse matrix (saturating, in column order).</summary>
    public static I32F32[] RowSums(FixedCsr matrix)
    {
        var sums = new I32F32[matrix.Size];
        for (var i = 0; i < matrix.Size; i++)
        {
            sums[i] = I32F32.Sum(matrix.RowValues(i));
        }

        return sums;
    }

    /// <summary>
    /// Column-normalises in place: each entry divided by its column's sum; columns summing to zero stay as they are.
    /// Only for a matrix a step has just built.
    /// </summary>
    public static void ColumnNormalizeInPlace(FixedCsr matrix) => ColumnNormalizeInPlace(matrix, ColumnSums(matrix));

    /// <summary>
    /// <see cref="ColumnNormalizeInPlace(FixedCsr)"/> with the column sums already known (a step that builds a matrix
    /// can add them up as it goes). Each column's sum is turned into an <see cref="I32F32Divisor"/> once.
    /// </summary>
    public static void ColumnNormalizeInPlace(FixedCsr matrix, ReadOnlySpan<I32F32> sums)
    {
        var divisors = new I32F32Divisor[sums.Length];
        for (var j = 0; j < sums.Length; j++)
        {
            if (!sums[j].IsZero)
            {
                divisors[j] = new I32F32Divisor(sums[j]);
            }
        }

        var columns = matrix.Columns.AsSpan(0, matrix.NonZeroCount);
        var values = matrix.Values.AsSpan(0, matrix.NonZeroCount);
        for (var k = 0; k < columns.Length; k++)
        {
            ref readonly var divisor = ref divisors[columns[k]];
            if (!divisor.Divisor.IsZero)
            {
                values[k] = divisor.Divide(values[k]);
            }
        }
    }

    /// <summary><c>result[j] = Σ_i vector[i] · matrix[i][j]</c> (ranks from weights and stake).</summary>
    public static I32F32[] RowWeightedColumnSums(FixedCsr matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = new I32F32[matrix.Size];
        for (var i = 0; i < matrix.Size; i++)
        {
            var weight = vector[i];
            if (weight.IsZero)
            {
                continue;
            }

            var columns = matrix.RowColumns(i);
            var values = matrix.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                result[columns[k]] += weight * values[k];
            }
        }

        return result;
    }

    /// <summary><c>result[i] = Σ_j vector[j] · matrix[i][j]</c> (dividends from bonds and incentive).</summary>
    public static I32F32[] RowDotProducts(FixedCsr matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = new I32F32[matrix.Size];
        for (var i = 0; i < matrix.Size; i++)
        {
            var columns = matrix.RowColumns(i);
            var values = matrix.RowValues(i);
            var sum = I32F32.Zero;
            for (var k = 0; k < columns.Length; k++)
            {
                sum += vector[columns[k]] * values[k];
            }

            result[i] = sum;
        }

        return result;
    }
}
