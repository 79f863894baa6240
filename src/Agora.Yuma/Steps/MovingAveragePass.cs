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
        var cell = new BondCell(BondsStep.Penalty(parameters.BondsPenalty), BondsStep.Alpha(parameters.BondsMovingAverage));
        var columns = BondColumn.Of(totals, oldColumnSums);
        var (oldStart, _, _) = oldBonds.Parts;
        var output = new BondRows(n, weights.NonZeroCount + oldBonds.NonZeroCount);
        var validatorTrust = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            output.RowStart[i] = output.Count;
            var row = new BondRowInput(weights.RowStart[i], weights.RowStart[i + 1], oldStart[i], oldStart[i + 1]);
            validatorTrust[i] = MergeRow(weights, oldBonds, row, activeStake[i], cell, columns, output);
        }

        output.RowStart[n] = output.Count;
        var columnSums = new I32F32[n];
        var columnMax = new I32F32[n];
        for (var j = 0; j < n; j++)
        {
            columnSums[j] = columns[j].Sum;
            columnMax[j] = columns[j].Max;
        }

        YumaArrayPool.Return(columns);
        return new MovingAverageRows(validatorTrust, output.ToMatrix(n), columnSums, columnMax);
    }

    /// <summary>
    /// Merges one row's weights and old bonds (both in ascending column order) into its cells of B', appended to
    /// <paramref name="output"/>, and returns the row's validator trust. A cell missing on one side is zero there
    /// (α · 0 = (1 − α) · 0 = 0).
    /// </summary>
    private static I32F32 MergeRow(FixedCsr weights, SparseU16Matrix oldBonds, BondRowInput row, I32F32 stake, BondCell cell, BondColumn[] columns, BondRows output)
    {
        var (newColumns, newWeights) = (weights.Columns, weights.Values);
        var (_, oldColumns, oldValues) = oldBonds.Parts;
        var (outColumns, outValues) = (output.Columns, output.Values);
        var count = output.Count;

        // Row-normalised weights sum to at most 1, so their clipped values add up without saturating.
        long trust = 0;
        var (a, b) = (row.NewStart, row.OldStart);
        while (a < row.NewEnd && b < row.OldEnd)
        {
            var newColumn = newColumns[a];
            var oldColumn = oldColumns[b];
            var j = int.Min(newColumn, oldColumn);
            ref var column = ref columns[j];
            var delta = newColumn == j ? cell.Delta(newWeights[a++], stake, column, ref trust) : I32F32.Zero;
            var old = oldColumn == j ? BondsStep.OldBond(oldValues[b++], column.OldSum) : I32F32.Zero;
            count = BondRows.Append(outColumns, outValues, count, j, cell.Average(delta, old), ref column);
        }

        for (; a < row.NewEnd; a++)
        {
            var j = newColumns[a];
            ref var column = ref columns[j];
            count = BondRows.Append(outColumns, outValues, count, j, cell.Average(cell.Delta(newWeights[a], stake, column, ref trust), I32F32.Zero), ref column);
        }

        for (; b < row.OldEnd; b++)
        {
            var j = oldColumns[b];
            ref var column = ref columns[j];
            count = BondRows.Append(outColumns, outValues, count, j, cell.Average(I32F32.Zero, BondsStep.OldBond(oldValues[b], column.OldSum)), ref column);
        }

        output.Count = count;
        return new I32F32(trust);
    }
}

/// <summary>Where one row's entries lie in the weights' and the old bonds' arrays.</summary>
internal readonly record struct BondRowInput(int NewStart, int NewEnd, int OldStart, int OldEnd);

/// <summary>
/// What <see cref="MovingAveragePass"/> produces: validator trust <c>VT</c>, the moving-average bonds before column
/// normalisation (only positive cells), and per column their sum and largest entry.
/// </summary>
internal sealed record MovingAverageRows(I32F32[] ValidatorTrust, FixedCsr Bonds, I32F32[] ColumnSums, I32F32[] ColumnMax);
