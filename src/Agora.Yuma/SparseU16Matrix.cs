using System.Diagnostics;

namespace Agora.Yuma;

/// <summary>
/// An immutable square matrix of u16 values stored as compressed sparse rows: per row the non-zero entries in
/// ascending column order. Zero entries are never stored. Used for weights (row = the neuron that set them) and bonds
/// (row = the neuron that holds them), as on chain.
/// </summary>
public sealed class SparseU16Matrix : IEquatable<SparseU16Matrix>
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly ushort[] _values;

    private SparseU16Matrix(int size, int[] rowStart, int[] columns, ushort[] values)
    {
        Size = size;
        _rowStart = rowStart;
        _columns = columns;
        _values = values;
    }

    /// <summary>Number of rows, equal to the number of columns.</summary>
    public int Size { get; }

    /// <summary>Number of stored (non-zero) entries.</summary>
    public int NonZeroCount => _columns.Length;

    /// <summary>An all-zero matrix of the given size.</summary>
    public static SparseU16Matrix Zero(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new SparseU16Matrix(size, new int[size + 1], [], []);
    }

    /// <summary>Builds from dense rows (each of length <paramref name="rows"/>.Count), dropping zeros.</summary>
    public static SparseU16Matrix FromDense(IReadOnlyList<IReadOnlyList<ushort>> rows)
    {
        var builder = new Builder(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count != rows.Count)
            {
                throw new ArgumentException($"row {i}: expected {rows.Count} entries, got {row.Count}", nameof(rows));
            }

            for (var j = 0; j < row.Count; j++)
            {
                builder.Add(j, row[j]);
            }

            builder.EndRow();
        }

        return builder.Build();
    }

    /// <summary>The columns of the stored entries of <paramref name="row"/>, ascending.</summary>
    public ReadOnlySpan<int> RowColumns(int row) => _columns.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    /// <summary>The stored values of <paramref name="row"/>, parallel to <see cref="RowColumns"/>.</summary>
    public ReadOnlySpan<ushort> RowValues(int row) => _values.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>); zero when not stored.</summary>
    public ushort this[int row, int column]
    {
        get
        {
            var index = RowColumns(row).BinarySearch(column);
            return index < 0 ? (ushort)0 : RowValues(row)[index];
        }
    }

    /// <summary>The dense form: <see cref="Size"/> rows of <see cref="Size"/> values.</summary>
    public ushort[][] ToDense()
    {
        var dense = new ushort[Size][];
        for (var i = 0; i < Size; i++)
        {
            var row = new ushort[Size];
            var columns = RowColumns(i);
            var values = RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                row[columns[k]] = values[k];
            }

            dense[i] = row;
        }

        return dense;
    }

    /// <inheritdoc />
    public bool Equals(SparseU16Matrix? other) =>
        other is not null
        && Size == other.Size
        && _rowStart.AsSpan().SequenceEqual(other._rowStart)
        && _columns.AsSpan().SequenceEqual(other._columns)
        && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SparseU16Matrix);

    /// <inheritdoc />
    /// <remarks>Fixed arithmetic, the same in every process (<c>System.HashCode</c> is seeded per process).</remarks>
    public override int GetHashCode() => unchecked((Size * 31) + NonZeroCount);

    /// <summary>Builds a matrix row by row; entries of a row must come in strictly ascending column order.</summary>
    public sealed class Builder
    {
        private readonly int _size;
        private readonly List<int> _rowStart;
        private readonly List<int> _columns = [];
        private readonly List<ushort> _values = [];
        private int _lastColumn = -1;

        /// <summary>Starts a matrix with <paramref name="size"/> rows and columns.</summary>
        public Builder(int size)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size);
            _size = size;
            _rowStart = new List<int>(size + 1) { 0 };
        }

        /// <summary>Adds an entry to the current row; zeros are skipped.</summary>
        public void Add(int column, ushort value)
        {
            if (column <= _lastColumn || column >= _size)
            {
                throw new ArgumentOutOfRangeException(nameof(column), column, $"columns must ascend within a row and be below {_size}");
            }

            _lastColumn = column;
            if (value != 0)
            {
                _columns.Add(column);
                _values.Add(value);
            }
        }

        /// <summary>Ends the current row.</summary>
        public void EndRow()
        {
            if (_rowStart.Count > _size)
            {
                throw new InvalidOperationException($"the matrix already has {_size} rows");
            }

            _rowStart.Add(_columns.Count);
            _lastColumn = -1;
        }

        /// <summary>Finishes the matrix; rows not ended are empty.</summary>
        public SparseU16Matrix Build()
        {
            while (_rowStart.Count <= _size)
            {
                _rowStart.Add(_columns.Count);
            }

            Debug.Assert(_rowStart.Count == _size + 1, "one start per row plus the end");
            return new SparseU16Matrix(_size, [.. _rowStart], [.. _columns], [.. _values]);
        }
    }

    /// <summary>The stored arrays (row starts, then columns and values row after row), for passes over every entry.</summary>
    internal (int[] RowStart, int[] Columns, ushort[] Values) Parts => (_rowStart, _columns, _values);

    internal static SparseU16Matrix FromParts(int size, int[] rowStart, int[] columns, ushort[] values) =>
        new(size, rowStart, columns, values);
}
