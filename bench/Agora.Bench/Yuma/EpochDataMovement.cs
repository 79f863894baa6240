using Agora.Yuma;

namespace Agora.Bench.Yuma;

/// <summary>
/// The data an exact epoch of this design must move, with its arithmetic left out: every sweep the epoch makes over
/// the stored entries, reading and writing what it does, but one add or xor per cell where the epoch computes. The
/// sweeps cannot merge further, as each needs a total the one before finishes: consensus needs every row of a
/// column, the moving average needs consensus, normalising the new bonds needs their column sums. Working arrays are
/// allocated once, as the epoch rents them from a warm pool.
/// </summary>
internal sealed class EpochDataMovement
{
    private readonly SparseU16Matrix _weights;
    private readonly SparseU16Matrix _bonds;
    private readonly int[] _workingColumns;
    private readonly long[] _workingValues;
    private readonly long[] _columnTotals;
    private readonly int[] _columnCounts;
    private readonly int[] _columnStart;
    private readonly int[] _fill;
    private readonly long[] _gathered;
    private readonly int[] _cellColumns;
    private readonly long[] _cellValues;
    private readonly int[] _storedColumns;
    private readonly ushort[] _storedValues;

    public EpochDataMovement(EpochInput input)
    {
        (_weights, _bonds) = (input.Weights, input.Bonds);
        var n = _weights.Size;
        var cellsMax = _weights.NonZeroCount + _bonds.NonZeroCount;
        _workingColumns = new int[_weights.NonZeroCount];
        _workingValues = new long[_weights.NonZeroCount];
        _columnTotals = new long[n];
        _columnCounts = new int[n];
        _columnStart = new int[n + 1];
        _fill = new int[n];
        _gathered = new long[_weights.NonZeroCount];
        _cellColumns = new int[cellsMax];
        _cellValues = new long[cellsMax];
        _storedColumns = new int[cellsMax];
        _storedValues = new ushort[cellsMax];
    }

    /// <summary>Runs the five sweeps; returns a checksum so that none can be left out.</summary>
    public long Run()
    {
        var count = PrepareWeights();
        var checksum = SummariseColumns(count) + GatherAndReadColumns();
        var cells = MergeWeightsWithOldBonds();
        return checksum + StoreBonds(cells);
    }

    /// <summary>Step 5: each weight row into the working matrix (8-byte values).</summary>
    private int PrepareWeights()
    {
        var count = 0;
        for (var i = 0; i < _weights.Size; i++)
        {
            var columns = _weights.RowColumns(i);
            var values = _weights.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                _workingColumns[count] = columns[k];
                _workingValues[count] = values[k] + i;
                count++;
            }
        }

        return count;
    }

    /// <summary>Steps 6–7's column summaries: every working weight added into its column's total and count.</summary>
    private long SummariseColumns(int count)
    {
        Array.Clear(_columnTotals);
        Array.Clear(_columnCounts);
        for (var k = 0; k < count; k++)
        {
            var j = _workingColumns[k];
            _columnTotals[j] += _workingValues[k];
            _columnCounts[j]++;
        }

        return _columnTotals[^1];
    }

    /// <summary>Step 7's gathering of each weight into its column (packed with its row), then one read of each column.</summary>
    private long GatherAndReadColumns()
    {
        var n = _weights.Size;
        for (var j = 0; j < n; j++)
        {
            _columnStart[j + 1] = _columnStart[j] + _columnCounts[j];
            _fill[j] = _columnStart[j];
        }

        var k = 0;
        for (var i = 0; i < n; i++)
        {
            var rowEnd = k + _weights.RowColumns(i).Length;
            for (; k < rowEnd; k++)
            {
                _gathered[_fill[_workingColumns[k]]++] = (_workingValues[k] << 16) | (long)i;
            }
        }

        long checksum = 0;
        for (var j = 0; j < n; j++)
        {
            long column = 0;
            for (var e = _columnStart[j]; e < _columnStart[j + 1]; e++)
            {
                column += _gathered[e];
            }

            checksum ^= column;
        }

        return checksum;
    }

    /// <summary>Steps 8 and 10: each row's working weights merged with its old bonds into cells, added to column sums.</summary>
    private int MergeWeightsWithOldBonds()
    {
        Array.Clear(_columnTotals);
        var (count, weight) = (0, 0);
        for (var i = 0; i < _weights.Size; i++)
        {
            var weightEnd = weight + _weights.RowColumns(i).Length;
            var bondColumns = _bonds.RowColumns(i);
            var bondValues = _bonds.RowValues(i);
            var bond = 0;
            while (weight < weightEnd || bond < bondColumns.Length)
            {
                var weightColumn = weight < weightEnd ? _workingColumns[weight] : int.MaxValue;
                var bondColumn = bond < bondColumns.Length ? bondColumns[bond] : int.MaxValue;
                var j = int.Min(weightColumn, bondColumn);
                var value = (weightColumn == j ? _workingValues[weight++] : 0) + (bondColumn == j ? bondValues[bond++] : 0);
                _cellColumns[count] = j;
                _cellValues[count] = value;
                _columnTotals[j] += value;
                count++;
            }
        }

        return count;
    }

    /// <summary>Steps 10–11: each cell read with its column's total, its u16 written out.</summary>
    private long StoreBonds(int cells)
    {
        long checksum = 0;
        for (var k = 0; k < cells; k++)
        {
            var j = _cellColumns[k];
            var value = _cellValues[k] ^ _columnTotals[j];
            checksum += value;
            _storedColumns[k] = j;
            _storedValues[k] = (ushort)value;
        }

        return checksum + _storedValues[cells - 1];
    }
}
