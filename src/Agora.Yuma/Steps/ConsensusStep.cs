using System.Numerics;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 7: consensus <c>C[j]</c>, the κ-stake-weighted median of column j.</summary>
internal static class ConsensusStep
{
    private const int BucketBits = 8;
    private const int BucketCount = 1 << BucketBits;

    /// <summary>κ as fixed point: <c>I32F32(kappa) / I32F32(65535)</c>.</summary>
    public static I32F32 Kappa(ushort kappa) => I32F32.FromInt((long)kappa) / I32F32.FromInt((long)ushort.MaxValue);

    /// <summary>
    /// Per column, over the rows with <c>S[i] &gt; 0</c> (their stakes re-normalised, summing to <c>total</c>), with
    /// <c>m = total − κ</c>: the smallest weight v in the column (absent entries are weight 0) such that the stake of
    /// rows weighting it at most v exceeds m; the largest weight when none does; 0 when no row takes part. This is
    /// the value the reference's mid-pivot quickselect returns (its partition bounds are exact sums), found here by
    /// sorting only the non-zero entries of the columns that need it.
    /// </summary>
    public static I32F32[] WeightedMedianColumns(ReadOnlySpan<I32F32> activeStake, FixedCsr weights, I32F32 kappa)
    {
        var n = weights.Size;
        var consensus = new I32F32[n];
        var useStake = new I32F32[n];
        var candidateCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (activeStake[i] > I32F32.Zero)
            {
                useStake[i] = activeStake[i];
                candidateCount++;
            }
        }

        if (candidateCount == 0)
        {
            return consensus;
        }

        VectorMath.NormalizeInPlace(useStake);
        var total = I32F32.Sum(useStake);
        var minority = total - kappa;

        // Stake and count of candidate rows giving each column a non-zero weight.
        var columnStake = new I32F32[n];
        var columnCount = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!(activeStake[i] > I32F32.Zero))
            {
                continue;
            }

            var columns = weights.RowColumns(i);
            var values = weights.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                if (values[k] > I32F32.Zero)
                {
                    columnStake[columns[k]] += useStake[i];
                    columnCount[columns[k]]++;
                }
            }
        }

        // Columns where the zero weights alone already exceed m have consensus 0; the others need their entries.
        var start = new int[n + 1];
        for (var j = 0; j < n; j++)
        {
            var zeroStake = total - columnStake[j];
            var decidedAtZero = columnCount[j] < candidateCount && zeroStake > minority;
            start[j + 1] = start[j] + (decidedAtZero ? 0 : columnCount[j]);
        }

        var entryWeights = FixedCsr.Rent<long>(start[n]);
        var entryStakes = FixedCsr.Rent<long>(start[n]);
        var fill = start[..n];
        for (var i = 0; i < n && start[n] > 0; i++)
        {
            if (!(activeStake[i] > I32F32.Zero))
            {
                continue;
            }

            var columns = weights.RowColumns(i);
            var values = weights.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                if (values[k] > I32F32.Zero && start[j + 1] > start[j])
                {
                    entryWeights[fill[j]] = values[k].Bits;
                    entryStakes[fill[j]] = useStake[i].Bits;
                    fill[j]++;
                }
            }
        }

        var bucketStakes = new long[BucketCount];
        for (var j = 0; j < n; j++)
        {
            var length = start[j + 1] - start[j];
            if (length == 0)
            {
                continue;
            }

            // Rows giving weight 0 already hold total − columnStake of the stake at most any value.
            var need = minority.Bits - (total - columnStake[j]).Bits;
            consensus[j] = new I32F32(SmallestValueAbove(entryWeights.AsSpan(start[j], length), entryStakes.AsSpan(start[j], length), need, bucketStakes));
        }

        FixedCsr.Return(entryWeights);
        FixedCsr.Return(entryStakes);

        return consensus;
    }

    /// <summary>
    /// The smallest weight v such that the stakes of the entries weighting at most v add up to more than
    /// <paramref name="need"/>, or the largest weight when none does. One pass finds the range, a second adds the
    /// stakes into <see cref="BucketCount"/> buckets of equal width (monotone in the weight, no data-dependent
    /// branches), the bucket where the running stake first exceeds <paramref name="need"/> holds the answer, and only
    /// its entries (moved to the front of the span) are sorted. Cost: two linear passes plus a sort of one bucket.
    /// </summary>
    private static long SmallestValueAbove(Span<long> weights, Span<long> stakes, long need, Span<long> bucketStakes)
    {
        long min = weights[0], max = weights[0];
        for (var k = 1; k < weights.Length; k++)
        {
            var w = weights[k];
            min = w < min ? w : min;
            max = w > max ? w : max;
        }

        if (min == max)
        {
            return min;
        }

        var range = (ulong)(max - min);
        var shift = int.Max(0, 64 - BitOperations.LeadingZeroCount(range) - BucketBits);
        bucketStakes.Clear();
        for (var k = 0; k < weights.Length; k++)
        {
            bucketStakes[(int)((ulong)(weights[k] - min) >> shift)] += stakes[k];
        }

        long below = 0;
        var bucket = 0;
        while (bucket < BucketCount && below + bucketStakes[bucket] <= need)
        {
            below += bucketStakes[bucket];
            bucket++;
        }

        if (bucket == BucketCount)
        {
            return max;
        }

        var count = 0;
        for (var k = 0; k < weights.Length; k++)
        {
            if ((int)((ulong)(weights[k] - min) >> shift) == bucket)
            {
                weights[count] = weights[k];
                stakes[count] = stakes[k];
                count++;
            }
        }

        return SmallestValueAboveBySorting(weights[..count], stakes[..count], need - below);
    }

    private static long SmallestValueAboveBySorting(Span<long> weights, Span<long> stakes, long need)
    {
        weights.Sort(stakes);
        long atMost = 0;
        var k = 0;
        var answer = 0L;
        while (k < weights.Length)
        {
            var value = weights[k];
            while (k < weights.Length && weights[k] == value)
            {
                atMost += stakes[k];
                k++;
            }

            answer = value;
            if (atMost > need)
            {
                break;
            }
        }

        return answer;
    }
}
