using Agora.Core.FixedPoint;

namespace Agora.Yuma;

/// <summary>
/// A square sparse matrix of <see cref="I32F32"/> values in compressed sparse rows, the working form of weights and
/// bonds inside the epoch. Absent entries are zero; stored entries may be zero. Steps build new matrices rather than
/// change their inputs; <see cref="Values"/> is writable only while a step builds one.
/// </summary>
internal sealed class FixedCsr
{
    public FixedCsr(int size, int[] rowStart, int[] columns, I32F32[] values)
    {
        Size = size;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public int Size { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public I32F32[] Values { get; }

    public int NonZeroCount => Columns.Length;

    public static FixedCsr Empty(int size) => new(size, new int[size + 1], [], []);

    public ReadOnlySpan<int> RowColumns(int row) => Columns.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public ReadOnlySpan<I32F32> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>A matrix with the same sparsity pattern and new values.</summary>
    public FixedCsr WithValues(I32F32[] values) => new(Size, RowStart, Columns, values);

    /// <summary>The value at a cell (zero when not stored).</summary>
    public I32F32 Get(int row, int column)
    {
        var index = RowColumns(row).BinarySearch(column);
        return index < 0 ? I32F32.Zero : RowValues(row)[index];
    }
}
