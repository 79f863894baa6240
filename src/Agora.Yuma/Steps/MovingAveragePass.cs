using System.Runtime.CompilerServices;
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
        var row = new RowContext(consensus, deltaColumnSums, oldColumnSums, penalty, alpha, oneMinusAlpha, columns, values, columnSums, columnMax);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            validatorTrust[i] = row.Merge(weights.RowColumns(i), weights.RowValues(i), oldBonds.RowColumns(i), oldBonds.RowValues(i), activeStake[i], ref count);
        }

        rowStart[n] = count;
        var average = new FixedCsr(n, rowStart, columns, values, count, pooledPattern: true, pooledValues: true);
        return new MovingAverageRows(validatorTrust, average, columnSums, columnMax);
    }

    /// <summary>What every row of the pass shares: the per-column inputs, the parameters and the output arrays.</summary>
    private readonly ref struct RowContext(
        ReadOnlySpan<I32F32> consensus,
        ReadOnlySpan<I32F32> deltaColumnSums,
        ReadOnlySpan<ulong> oldColumnSums,
        I32F32 penalty,
        I32F32 alpha,
        I32F32 oneMinusAlpha,
        Span<int> columns,
        Span<I32F32> values,
        Span<I32F32> columnSums,
        Span<I32F32> columnMax)
    {
        private readonly ReadOnlySpan<I32F32> _consensus = consensus;
        private readonly ReadOnlySpan<I32F32> _deltaColumnSums = deltaColumnSums;
        private readonly ReadOnlySpan<ulong> _oldColumnSums = oldColumnSums;
        private readonly Span<int> _columns = columns;
        private readonly Span<I32F32> _values = values;
        private readonly Span<I32F32> _columnSums = columnSums;
        private readonly Span<I32F32> _columnMax = columnMax;

        /// <summary>
        /// Merges one row's weights and old bonds (both in ascending column order), appends the cells of B' at
        /// <paramref name="count"/> and returns the row's validator trust. A cell missing on one side is zero there
        /// (α · 0 = (1 − α) · 0 = 0).
        /// </summary>
        public I32F32 Merge(ReadOnlySpan<int> newColumns, ReadOnlySpan<I32F32> newWeights, ReadOnlySpan<int> oldColumns, ReadOnlySpan<ushort> oldValues, I32F32 stake, ref int count)
        {
            var trust = I32F32.Zero;
            int a = 0, b = 0;
            while (true)
            {
                // The next cell of the union; an exhausted side reads as a column past every real one.
                var newColumn = a < newColumns.Length ? newColumns[a] : int.MaxValue;
                var oldColumn = b < oldColumns.Length ? oldColumns[b] : int.MaxValue;
                var j = int.Min(newColumn, oldColumn);
                if (j == int.MaxValue)
                {
                    return trust;
                }

                var delta = newColumn == j ? Delta(newWeights[a++], j, stake, ref trust) : I32F32.Zero;
                var old = oldColumn == j ? BondsStep.OldBond(oldValues[b++], _oldColumnSums[j]) : I32F32.Zero;
                Append(j, BondsStep.MovingAverage(delta, alpha, old, oneMinusAlpha), ref count);
            }
        }

        /// <summary>ΔB of one cell, <c>Wb · S</c> over its column's sum (a zero sum leaves it as it is); adds Wc to trust.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private I32F32 Delta(I32F32 weight, int column, I32F32 stake, ref I32F32 trust)
        {
            var clipped = ClipStep.Clip(weight, _consensus[column]);
            trust += clipped;
            var raw = stake * BondsStep.WeightForBonds(weight, clipped, penalty);
            var sum = _deltaColumnSums[column];
            return sum.IsZero ? raw : raw / sum;
        }

        /// <summary>
        /// Appends a cell of B' (never negative) and adds it to its column's sum and maximum. A zero cell is written
        /// but not counted, so the next cell overwrites it: no data-dependent branch, and adding zero changes nothing.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Append(int column, I32F32 value, ref int count)
        {
            _columns[count] = column;
            _values[count] = value;
            _columnSums[column] += value;
            _columnMax[column] = I32F32.Max(_columnMax[column], value);
            count += value.IsZero ? 0 : 1;
        }
    }
}

/// <summary>
/// What <see cref="MovingAveragePass"/> produces: validator trust <c>VT</c>, the moving-average bonds before column
/// normalisation (only positive cells), and per column their sum and largest entry.
/// </summary>
internal sealed record MovingAverageRows(I32F32[] ValidatorTrust, FixedCsr Bonds, I32F32[] ColumnSums, I32F32[] ColumnMax);
