using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 7: consensus <c>C[j]</c>, the κ-stake-weighted median of column j.</summary>
internal static class ConsensusStep
{
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

        for (var j = 0; j < n; j++)
        {
            var length = start[j + 1] - start[j];
            if (length == 0)
            {
                continue;
            }

            // Rows giving weight 0 already hold total − columnStake of the stake at most any value.
            var need = minority.Bits - (total - columnStake[j]).Bits;
            consensus[j] = new I32F32(SmallestValueAbove(entryWeights.AsSpan(start[j], length), entryStakes.AsSpan(start[j], length), need));
        }

        FixedCsr.Return(entryWeights);
        FixedCsr.Return(entryStakes);

        return consensus;
    }

    /// <summary>
    /// The smallest weight v such that the stakes of the entries weighting at most v add up to more than
    /// <paramref name="need"/>, or the largest weight when none does; a weighted quickselect on the entries (reordered
    /// in place) with a three-way partition around the middle entry, so the expected cost is linear in the entries.
    /// The answer is a value, not a position, so it does not depend on the pivots; should the partitions stay
    /// unbalanced, the rest is sorted instead, which bounds the cost at O(m log m).
    /// </summary>
    private static long SmallestValueAbove(Span<long> weights, Span<long> stakes, long need)
    {
        var roundsLeft = 64;
        while (true)
        {
            var length = weights.Length;
            if (length == 1)
            {
                return weights[0];
            }

            if (roundsLeft-- == 0)
            {
                return SmallestValueAboveBySorting(weights, stakes, need);
            }

            // Three-way partition: [0, lt) below the pivot, [lt, gt] equal, (gt, length) above.
            var pivot = weights[length / 2];
            int lt = 0, i = 0, gt = length - 1;
            long belowStake = 0, equalStake = 0;
            while (i <= gt)
            {
                var w = weights[i];
                if (w < pivot)
                {
                    belowStake += stakes[i];
                    Swap(weights, stakes, lt++, i++);
                }
                else if (w > pivot)
                {
                    Swap(weights, stakes, i, gt--);
                }
                else
                {
                    equalStake += stakes[i];
                    i++;
                }
            }

            if (lt > 0 && belowStake > need)
            {
                weights = weights[..lt];
                stakes = stakes[..lt];
            }
            else if (belowStake + equalStake > need || gt == length - 1)
            {
                return pivot;
            }
            else
            {
                need -= belowStake + equalStake;
                weights = weights[(gt + 1)..];
                stakes = stakes[(gt + 1)..];
            }
        }
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

    private static void Swap(Span<long> weights, Span<long> stakes, int a, int b)
    {
        (weights[a], weights[b]) = (weights[b], weights[a]);
        (stakes[a], stakes[b]) = (stakes[b], stakes[a]);
    }
}
