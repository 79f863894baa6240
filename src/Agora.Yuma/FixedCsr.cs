using Agora.Core.FixedPoint;

namespace Agora.Yuma;

/// <summary>
/// A square sparse matrix of <see cref="I32F32"/> values in compressed sparse rows, the working form of weights and
/// bonds inside the epoch. Absent entries are zero; stored entries may be zero. Steps build new matrices rather than
/// change their inputs; <see cref="Values"/> is writable only while a step builds one. The arrays may be longer than
/// <see cref="NonZeroCount"/> (a step sizes them for the worst case and does not copy to trim); only the first
/// <see cref="NonZeroCount"/> entries belong to the matrix.
/// Steps take their working arrays from <see cref="YumaArrayPool"/>; <see cref="ReturnToPool"/> gives back what this
/// matrix rented once the epoch is done with it. Rented arrays hold stale data, so a step writes every entry it uses. A
/// matrix never returned is simply collected.
/// </summary>
internal sealed class FixedCsr
{
    private readonly bool _pooledPattern;
    private readonly bool _pooledValues;

    public FixedCsr(int size, int[] rowStart, int[] columns, I32F32[] values)
        : this(size, rowStart, columns, values, columns.Length)
    {
    }

    /// <summary>
    /// A matrix over the first <paramref name="count"/> entries of the arrays; <paramref name="pooledPattern"/> and
    /// <paramref name="pooledValues"/> say which arrays were rented for it (and go back in <see cref="ReturnToPool"/>).
    /// </summary>
    public FixedCsr(int size, int[] rowStart, int[] columns, I32F32[] values, int count, bool pooledPattern = false, bool pooledValues = false)
    {
        Size = size;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        NonZeroCount = count;
        _pooledPattern = pooledPattern;
        _pooledValues = pooledValues;
    }

    public int Size { get; }

    public int[] RowStart { get; }

    /// <summary>Columns of the stored entries, row after row; only the first <see cref="NonZeroCount"/> are used.</summary>
    public int[] Columns { get; }

    /// <summary>Values parallel to <see cref="Columns"/>; only the first <see cref="NonZeroCount"/> are used.</summary>
    public I32F32[] Values { get; }

    public int NonZeroCount { get; }

    public ReadOnlySpan<int> RowColumns(int row) => Columns.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    public ReadOnlySpan<I32F32> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>
    /// Gives back the arrays this matrix rented. The matrix must not be used afterwards.
    /// </summary>
    public void ReturnToPool()
    {
        if (_pooledPattern)
        {
            YumaArrayPool.Return(RowStart);
            YumaArrayPool.Return(Columns);
        }

        if (_pooledValues)
        {
            YumaArrayPool.Return(Values);
        }
    }

    /// <summary>The value at a cell (zero when not stored).</summary>
    public I32F32 Get(int row, int column)
    {
        var index = RowColumns(row).BinarySearch(column);
        return index < 0 ? I32F32.Zero : RowValues(row)[index];
    }
}
