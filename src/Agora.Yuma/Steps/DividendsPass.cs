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
        var columnSums = movingAverage.ColumnSums;
        var n = bonds.Size;
        var columnMax = new I32F32[n];
        for (var j = 0; j < n; j++)
        {
            columnMax[j] = movingAverage.ColumnMax[j] / columnSums[j];
        }

        // A neuron with a new permit stores its upscaled row, one that held a permit and lost it an empty row, any
        // other keeps its input row.
        var capacity = 0;
        for (var i = 0; i < n; i++)
        {
            capacity += newPermits[i] ? bonds.RowColumns(i).Length
                : neurons[i].ValidatorPermit ? 0 : inputBonds.RowColumns(i).Length;
        }

        var dividends = new I32F32[n];
        var rowStart = new int[n + 1];
        var storedColumns = new int[capacity];
        var storedValues = new ushort[capacity];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            var dividend = I32F32.Zero;
            var stores = newPermits[i];
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                var bond = values[k] / columnSums[j];
                dividend += bond * incentive[j];
                if (stores)
                {
                    var stored = BondsStep.Stored(bond, columnMax[j]);
                    storedColumns[count] = j;
                    storedValues[count] = stored;
                    count += stored == 0 ? 0 : 1;
                }
            }

            dividends[i] = dividend;
            if (!stores && !neurons[i].ValidatorPermit)
            {
                var inputColumns = inputBonds.RowColumns(i);
                inputColumns.CopyTo(storedColumns.AsSpan(count));
                inputBonds.RowValues(i).CopyTo(storedValues.AsSpan(count));
                count += inputColumns.Length;
            }
        }

        rowStart[n] = count;
        VectorMath.NormalizeInPlace(dividends);
        var storedBonds = count == capacity
            ? SparseU16Matrix.FromParts(n, rowStart, storedColumns, storedValues)
            : SparseU16Matrix.FromParts(n, rowStart, storedColumns[..count], storedValues[..count]);
        return (dividends, storedBonds);
    }
}
