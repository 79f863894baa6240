using System.Diagnostics;
using Agora.Core.FixedPoint;
using Agora.Yuma.Steps;

namespace Agora.Yuma;

/// <summary>
/// The positive weights of the rows with active stake, column by column (compressed sparse columns): the form the
/// per-miner steps (preranks, consensus, ranks, bond delta totals) read, so each column's entries lie together and
/// its totals are plain sums rather than scattered additions. Within a column the entries come in ascending row
/// order. Only those rows take part because every per-column quantity weights an entry by its row's active stake,
/// and zero stake contributes nothing. Each entry packs its weight bits and its row into one <see cref="long"/>
/// (<c>weight &lt;&lt; 16 | row</c>; weights are in [0, 1], rows below 2^15) so a column is one stream to write and read,
/// and sorting entries sorts them by weight.
/// </summary>
internal sealed class WeightColumns
{
    private const int RowBits = 16;

    private WeightColumns(int size, int[] columnStart, long[] entries)
    {
        Size = size;
        ColumnStart = columnStart;
        Entries = entries;
    }

    public int Size { get; }

    public int[] ColumnStart { get; }

    /// <summary>Packed entries, column after column; rented, only the first <c>ColumnStart[Size]</c> are used.</summary>
    public long[] Entries { get; }

    public ReadOnlySpan<long> Column(int column) => Entries.AsSpan(ColumnStart[column], ColumnStart[column + 1] - ColumnStart[column]);

    /// <summary>The row of a packed entry.</summary>
    public static int Row(long entry) => (int)(entry & ((1L << RowBits) - 1));

    /// <summary>The weight of a packed entry.</summary>
    public static I32F32 Weight(long entry) => new(entry >> RowBits);

    /// <summary>Packs a weight in [0, 1] and a row.</summary>
    public static long Pack(I32F32 weight, int row)
    {
        Debug.Assert(weight.Bits >= 0 && weight.Bits <= I32F32.One.Bits && (uint)row < YumaLimits.NeuronCountMax, "weights in [0, 1], rows below 2^15");
        return (weight.Bits << RowBits) | (long)row;
    }

    /// <summary>
    /// Transposes the positive entries of the rows of <paramref name="weights"/> whose active stake is positive, in
    /// the columns <paramref name="gathered"/> marks (the others stay empty); <paramref name="summaries"/> gives each
    /// column's entry count.
    /// </summary>
    public static WeightColumns Transpose(FixedCsr weights, ReadOnlySpan<I32F32> activeStake, ReadOnlySpan<ColumnSummary> summaries, ReadOnlySpan<bool> gathered)
    {
        var n = weights.Size;
        var columnStart = new int[n + 1];
        for (var j = 0; j < n; j++)
        {
            columnStart[j + 1] = columnStart[j] + (gathered[j] ? summaries[j].Count : 0);
        }

        // Every entry is written: one of a column left closed (or a zero weight) to a sink slot past the end, without
        // moving its column's fill position. A branch on the column instead mispredicts on each closed column's entry
        // (the gathering went from 370–390 to 304–331 µs at n = 4096 without it).
        var sink = columnStart[n];
        var entries = YumaArrayPool.Rent<long>(sink + 1);
        var fill = YumaArrayPool.Rent<int>(n);
        var step = YumaArrayPool.Rent<int>(n);
        for (var j = 0; j < n; j++)
        {
            fill[j] = gathered[j] ? columnStart[j] : sink;
            step[j] = gathered[j] ? 1 : 0;
        }

        var (rowStart, columns, values) = (weights.RowStart, weights.Columns, weights.Values);
        for (var i = 0; i < n; i++)
        {
            if (activeStake[i].Bits <= 0)
            {
                continue;
            }

            var rowColumns = columns.AsSpan(rowStart[i], rowStart[i + 1] - rowStart[i]);
            var rowValues = values.AsSpan(rowStart[i], rowColumns.Length);
            for (var k = 0; k < rowColumns.Length; k++)
            {
                var (j, weight) = (rowColumns[k], rowValues[k]);

                // 1 for a positive weight (its sign bit of −weight is set) in a gathered column, else 0.
                var advance = step[j] & (int)((ulong)-weight.Bits >> 63);
                var slot = fill[j];
                entries[advance != 0 ? slot : sink] = Pack(weight, i);
                fill[j] = slot + advance;
            }
        }

        YumaArrayPool.Return(step);
        YumaArrayPool.Return(fill);
        return new WeightColumns(n, columnStart, entries);
    }

    /// <summary>Gives the rented arrays back; the columns must not be used afterwards.</summary>
    public void ReturnToPool()
    {
        YumaArrayPool.Return(Entries);
    }
}
