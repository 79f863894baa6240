namespace Agora.Yuma.Steps;

/// <summary>
/// The stored u16 bonds an epoch leaves, built row by row (step 10's storage rule, the same under every bond model):
/// a neuron with a new permit stores its new row, one that held a permit and lost it an empty row, any other keeps
/// its input row. Built in rented arrays, since zero u16 cells drop out and the final size is known only at the end,
/// then copied once into the output's own arrays.
/// </summary>
internal sealed class StoredBondRows
{
    private readonly int _size;

    /// <param name="newBonds">The new bonds before storing: a row stores at most as many cells.</param>
    /// <param name="newPermits">Permits for the next epoch.</param>
    /// <param name="neurons">Previous permits come from here.</param>
    /// <param name="inputBonds">The rows kept unchanged come from here.</param>
    public StoredBondRows(FixedCsr newBonds, ReadOnlySpan<bool> newPermits, ReadOnlySpan<NeuronState> neurons, SparseU16Matrix inputBonds)
    {
        _size = newPermits.Length;
        var capacity = 0;
        for (var i = 0; i < _size; i++)
        {
            capacity += newPermits[i] ? newBonds.RowStart[i + 1] - newBonds.RowStart[i]
                : neurons[i].ValidatorPermit ? 0 : inputBonds.RowColumns(i).Length;
        }

        RowStart = new int[_size + 1];
        Columns = YumaArrayPool.Rent<int>(capacity);
        Values = YumaArrayPool.Rent<ushort>(capacity);
    }

    public int[] RowStart { get; }

    /// <summary>Rented; a row's cells go from <see cref="Count"/> on.</summary>
    public int[] Columns { get; }

    /// <summary>Rented, parallel to <see cref="Columns"/>.</summary>
    public ushort[] Values { get; }

    /// <summary>Cells stored so far.</summary>
    public int Count { get; set; }

    /// <summary>Stores row <paramref name="row"/> unchanged from <paramref name="inputBonds"/>.</summary>
    public void KeepInputRow(SparseU16Matrix inputBonds, int row)
    {
        var inputColumns = inputBonds.RowColumns(row);
        inputColumns.CopyTo(Columns.AsSpan(Count));
        inputBonds.RowValues(row).CopyTo(Values.AsSpan(Count));
        Count += inputColumns.Length;
    }

    /// <summary>The stored bonds; gives the rented arrays back.</summary>
    public SparseU16Matrix Build()
    {
        RowStart[_size] = Count;
        var stored = SparseU16Matrix.FromParts(_size, RowStart, Columns.AsSpan(0, Count).ToArray(), Values.AsSpan(0, Count).ToArray());
        YumaArrayPool.Return(Columns);
        YumaArrayPool.Return(Values);
        return stored;
    }
}
