using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 10 (storage) and 11 in one pass over the moving-average bonds: each cell is column-normalised
/// (<c>B' = value / column sum</c>), adds <c>B' · I[j]</c> to its row's dividends, and, in the rows of neurons with a new
/// permit, is max-upscaled into the stored u16 bonds. Division by a positive column sum is monotone, so a column's
/// largest normalised entry is its largest raw entry normalised.
/// </summary>
internal static class DividendsPass
{
    public static (I32F32[] Dividends, SparseU16Matrix StoredBonds) Run(
        MovingAverageRows movingAverage,
        ReadOnlySpan<I32F32> incentive,
        ReadOnlySpan<bool> newPermits,
        ReadOnlySpan<NeuronState> neurons,
        SparseU16Matrix inputBonds)
    {
        var bonds = movingAverage.Bonds;
        var n = bonds.Size;
        var columns = DividendColumn.Of(movingAverage, incentive);

        var stored = new StoredBondRows(bonds, newPermits, neurons, inputBonds);
        var dividends = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            stored.RowStart[i] = stored.Count;
            if (newPermits[i])
            {
                dividends[i] = StoreRow(bonds.RowColumns(i), bonds.RowValues(i), columns, stored.Columns.AsSpan(stored.Count), stored.Values.AsSpan(stored.Count), out var count);
                stored.Count += count;
                continue;
            }

            dividends[i] = Row(bonds.RowColumns(i), bonds.RowValues(i), columns);
            if (!neurons[i].ValidatorPermit)
            {
                stored.KeepInputRow(inputBonds, i);
            }
        }

        VectorMath.NormalizeInPlace(dividends);
        var storedBonds = stored.Build();
        YumaArrayPool.Return(columns);
        return (dividends, storedBonds);
    }

    /// <summary>
    /// The dividend of one row, <c>Σ_j B'[i][j] · I[j]</c> (its bonds column-normalised on the way). Normalised bonds
    /// and incentives lie in [0, 1], so the sum over fewer than 2^15 columns never saturates.
    /// </summary>
    private static I32F32 Row(ReadOnlySpan<int> columns, ReadOnlySpan<I32F32> values, ReadOnlySpan<DividendColumn> columnData)
    {
        long dividend = 0;
        for (var k = 0; k < columns.Length; k++)
        {
            ref readonly var column = ref columnData[columns[k]];
            dividend += UnitInterval.Multiply(column.Normalise(values[k]), column.Incentive).Bits;
        }

        return new I32F32(dividend);
    }

    /// <summary>
    /// <see cref="Row"/> for a row that also stores its bonds: the non-zero u16 values go to the front of
    /// <paramref name="storedColumns"/> and <paramref name="storedValues"/>, <paramref name="stored"/> says how many.
    /// </summary>
    private static I32F32 StoreRow(
        ReadOnlySpan<int> columns,
        ReadOnlySpan<I32F32> values,
        ReadOnlySpan<DividendColumn> columnData,
        Span<int> storedColumns,
        Span<ushort> storedValues,
        out int stored)
    {
        long dividend = 0;
        var count = 0;
        for (var k = 0; k < columns.Length; k++)
        {
            var j = columns[k];
            ref readonly var column = ref columnData[j];
            var bond = column.Normalise(values[k]);
            dividend += UnitInterval.Multiply(bond, column.Incentive).Bits;
            var value = BondsStep.Stored(bond, column.Max);
            storedColumns[count] = j;
            storedValues[count] = value;
            count += value == 0 ? 0 : 1;
        }

        stored = count;
        return new I32F32(dividend);
    }
}
