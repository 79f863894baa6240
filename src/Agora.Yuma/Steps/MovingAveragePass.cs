using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 8 and 10 for every row (validator) in one pass over the weights and the old bonds: clipped weights give the
/// validator trust and the bonds delta, which the moving average merges with the old bonds. The result is
/// <c>B'</c> before its column normalisation, with each column's sum and largest entry for
/// <see cref="DividendsPass"/>.
/// </summary>
internal static class MovingAveragePass
{
    /// <param name="weights"><c>W</c>, row-normalised.</param>
    /// <param name="totals">The column pass's consensus and delta column sums.</param>
    /// <param name="activeStake"><c>S</c>.</param>
    /// <param name="parameters">β and α come from here.</param>
    /// <param name="oldBonds">The input u16 bonds.</param>
    /// <param name="oldColumnSums">Their column sums, zero for dropped columns (<see cref="BondsStep.OldColumnSums"/>).</param>
    public static MovingAverageRows Run(
        FixedCsr weights,
        ColumnTotals totals,
        ReadOnlySpan<I32F32> activeStake,
        YumaParameters parameters,
        SparseU16Matrix oldBonds,
        ReadOnlySpan<ulong> oldColumnSums)
    {
        var n = weights.Size;
        var penalty = BondsStep.Penalty(parameters.BondsPenalty);
        var alpha = BondsStep.Alpha(parameters.BondsMovingAverage);
        var oneMinusAlpha = I32F32.One - alpha;
        var consensus = totals.Consensus;
        var deltaColumnSums = totals.DeltaColumnSums;
        var capacity = weights.NonZeroCount + oldBonds.NonZeroCount;
        var rowStart = FixedCsr.Rent<int>(n + 1);
        var columns = FixedCsr.Rent<int>(capacity);
        var values = FixedCsr.Rent<I32F32>(capacity);
        var columnSums = new I32F32[n];
        var columnMax = new I32F32[n];
        var validatorTrust = new I32F32[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var newColumns = weights.RowColumns(i);
            var newWeights = weights.RowValues(i);
            var oldColumns = oldBonds.RowColumns(i);
            var oldValues = oldBonds.RowValues(i);
            var stake = activeStake[i];
            var trust = I32F32.Zero;
            int a = 0, b = 0;
            while (a < newColumns.Length || b < oldColumns.Length)
            {
                // The next cell of the union of both patterns.
                var j = b >= oldColumns.Length || (a < newColumns.Length && newColumns[a] < oldColumns[b]) ? newColumns[a] : oldColumns[b];
                var delta = I32F32.Zero;
                if (a < newColumns.Length && newColumns[a] == j)
                {
                    var weight = newWeights[a++];
                    var clipped = ClipStep.Clip(weight, consensus[j]);
                    trust += clipped;
                    var raw = stake * BondsStep.WeightForBonds(weight, clipped, penalty);
                    delta = deltaColumnSums[j].IsZero ? raw : raw / deltaColumnSums[j];
                }

                var old = I32F32.Zero;
                if (b < oldColumns.Length && oldColumns[b] == j)
                {
                    old = BondsStep.OldBond(oldValues[b++], oldColumnSums[j]);
                }

                var value = BondsStep.MovingAverage(delta, alpha, old, oneMinusAlpha);
                if (value > I32F32.Zero)
                {
                    columns[count] = j;
                    values[count] = value;
                    columnSums[j] += value;
                    columnMax[j] = I32F32.Max(columnMax[j], value);
                    count++;
                }
            }

            validatorTrust[i] = trust;
        }

        rowStart[n] = count;
        var average = new FixedCsr(n, rowStart, columns, values, count, pooledPattern: true, pooledValues: true);
        return new MovingAverageRows(validatorTrust, average, columnSums, columnMax);
    }
}

/// <summary>
/// What <see cref="MovingAveragePass"/> produces: validator trust <c>VT</c>, the moving-average bonds before column
/// normalisation (only positive cells), and per column their sum and largest entry.
/// </summary>
internal sealed record MovingAverageRows(I32F32[] ValidatorTrust, FixedCsr Bonds, I32F32[] ColumnSums, I32F32[] ColumnMax);
