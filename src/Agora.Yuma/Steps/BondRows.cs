using System.Runtime.CompilerServices;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>The cells of B' as <see cref="MovingAveragePass"/> appends them, row after row, in rented arrays.</summary>
internal sealed class BondRows(int size, int capacity)
{
    public int[] RowStart { get; } = YumaArrayPool.Rent<int>(size + 1);

    public int[] Columns { get; } = YumaArrayPool.Rent<int>(capacity);

    public I32F32[] Values { get; } = YumaArrayPool.Rent<I32F32>(capacity);

    /// <summary>Cells appended so far.</summary>
    public int Count { get; set; }

    /// <summary>
    /// Appends a cell of B' (never negative) at <paramref name="count"/> and adds it to its column's sum and maximum;
    /// returns the new count. A zero cell is written but not counted, so the next cell overwrites it: no
    /// data-dependent branch, and adding zero changes nothing. Column sums of cells in [0, 2] over fewer than 2^15
    /// rows never saturate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Append(int[] columns, I32F32[] values, int count, int j, I32F32 value, ref BondColumn column)
    {
        columns[count] = j;
        values[count] = value;
        column.Sum = new I32F32(column.Sum.Bits + value.Bits);
        column.Max = I32F32.Max(column.Max, value);
        return count + (value.IsZero ? 0 : 1);
    }

    /// <summary>The matrix of the appended cells; it owns the rented arrays from here on.</summary>
    public FixedCsr ToMatrix(int size) => new(size, RowStart, Columns, Values, Count, pooledPattern: true, pooledValues: true);
}
