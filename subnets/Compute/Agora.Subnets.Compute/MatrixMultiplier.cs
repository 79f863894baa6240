using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Agora.Subnets.Compute;

/// <summary>
/// The product C = A · B mod p, the way an honest miner computes it. Row i of C is Σ_k A[i,k] · (row k of B), so the
/// inner loop walks a row of B and a row of accumulators contiguously (i-k-j order: cache-friendly, no transpose),
/// eight entries at a time where the CPU has AVX2.
/// Each term is folded below 2^32 (<see cref="FieldArithmetic.Fold"/>), so a row of u64 accumulators takes up to
/// 2^32 terms before one reduction per entry at the end.
/// </summary>
public static class MatrixMultiplier
{
    /// <summary>A · B mod p, optionally splitting the rows of C over <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <exception cref="ArgumentException">A's columns differ from B's rows.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (checked once per row).</exception>
    public static FieldMatrix Multiply(
        FieldMatrix a,
        FieldMatrix b,
        int degreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        return MultiplyRows(a, b, a.Rows, degreeOfParallelism, cancellationToken);
    }

    /// <summary>
    /// The first <paramref name="rowCount"/> rows of A · B computed, the rest of the n×m result left zero: what a
    /// miner that skips work starts from.
    /// </summary>
    internal static FieldMatrix MultiplyRows(
        FieldMatrix a,
        FieldMatrix b,
        int rowCount,
        int degreeOfParallelism,
        CancellationToken cancellationToken)
    {
        if (a.Cols != b.Rows)
        {
            throw new ArgumentException($"A is {a.Rows}×{a.Cols} but B is {b.Rows}×{b.Cols}; A·B is undefined.", nameof(b));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        var product = new uint[a.Rows * b.Cols];
        if (degreeOfParallelism == 1 || rowCount < 2)
        {
            var accumulators = new ulong[b.Cols];
            for (var i = 0; i < rowCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                MultiplyRow(a.Row(i), b, accumulators, product.AsSpan(i * b.Cols, b.Cols));
            }
        }
        else
        {
            var options = new ParallelOptions
            {
                MaxDegreeOfParallelism = degreeOfParallelism,
                CancellationToken = cancellationToken,
            };
            Parallel.For(
                0,
                rowCount,
                options,
                () => new ulong[b.Cols],
                (i, _, accumulators) =>
                {
                    MultiplyRow(a.Row((int)i), b, accumulators, product.AsSpan((int)i * b.Cols, b.Cols));
                    return accumulators;
                },
                _ => { });
        }

        return FieldMatrix.Wrap(a.Rows, b.Cols, product);
    }

    private static void MultiplyRow(ReadOnlySpan<uint> aRow, FieldMatrix b, Span<ulong> accumulators, Span<uint> cRow)
    {
        accumulators.Clear();
        for (var k = 0; k < aRow.Length; k++)
        {
            ulong aik = aRow[k];
            if (aik == 0)
            {
                continue;
            }

            AccumulateScaledRow(aik, b.Row(k), accumulators);
        }

        for (var j = 0; j < cRow.Length; j++)
        {
            cRow[j] = FieldArithmetic.Reduce(accumulators[j]);
        }
    }

    /// <summary>accumulators[j] += Fold(scale · row[j]) for every j: the inner loop, eight entries at a time with AVX2.</summary>
    private static void AccumulateScaledRow(ulong scale, ReadOnlySpan<uint> row, Span<ulong> accumulators)
    {
        var j = 0;
        if (Avx2.IsSupported)
        {
            var scales = Vector256.Create(scale);
            for (; j <= row.Length - 8; j += 8)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(row.Slice(j, 8)));
                var lowerSums = Vector256.Create((ReadOnlySpan<ulong>)accumulators.Slice(j, 4))
                    + FieldArithmetic.MultiplyFold(lower, scales);
                var upperSums = Vector256.Create((ReadOnlySpan<ulong>)accumulators.Slice(j + 4, 4))
                    + FieldArithmetic.MultiplyFold(upper, scales);
                lowerSums.CopyTo(accumulators.Slice(j, 4));
                upperSums.CopyTo(accumulators.Slice(j + 4, 4));
            }
        }

        for (; j < row.Length; j++)
        {
            accumulators[j] += FieldArithmetic.Fold(scale * row[j]);
        }
    }
}
