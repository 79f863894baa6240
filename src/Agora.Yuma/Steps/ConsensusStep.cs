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

        var entryWeights = new long[start[n]];
        var entryStakes = new long[start[n]];
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

            var columnWeights = entryWeights.AsSpan(start[j], length);
            var columnStakes = entryStakes.AsSpan(start[j], length);
            columnWeights.Sort(columnStakes);
            var atMost = total - columnStake[j];
            var k = 0;
            var answer = I32F32.Zero;
            while (k < length)
            {
                var value = columnWeights[k];
                while (k < length && columnWeights[k] == value)
                {
                    atMost += new I32F32(columnStakes[k]);
                    k++;
                }

                answer = new I32F32(value);
                if (atMost > minority)
                {
                    break;
                }
            }

            // When no value exceeds m (κ = 0), the loop ends at the column's maximum, as the reference does.
            consensus[j] = answer;
        }

        return consensus;
    }
}
