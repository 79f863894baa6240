using System.Collections.Immutable;
using Agora.Sdk.Client;

namespace Agora.Sdk.Metagraph;

/// <summary>
/// The weights (W) or bonds (B) of a subnet at one block, n × n by uid, as the node stores them: u16 values
/// (65535 = 1), sparse rows. Read an entry, a sparse row, or the whole dense matrix.
/// </summary>
public sealed class MetagraphMatrix
{
    private readonly ImmutableArray<ImmutableArray<UidValue>> _rows;

    private MetagraphMatrix(ulong block, ImmutableArray<ImmutableArray<UidValue>> rows)
    {
        Block = block;
        _rows = rows;
    }

    /// <summary>The block whose state this is.</summary>
    public ulong Block { get; }

    /// <summary>n: rows and columns.</summary>
    public int Size => _rows.Length;

    /// <summary>Entry (<paramref name="row"/>, <paramref name="column"/>); 0 where the row has none.</summary>
    public ushort this[int row, int column]
    {
        get
        {
            foreach (var entry in Row(row))
            {
                if (entry.Uid == column)
                {
                    return entry.Value;
                }
            }

            return 0;
        }
    }

    /// <summary>The non-zero entries of <paramref name="uid"/>'s row, ascending by uid.</summary>
    public ImmutableArray<UidValue> Row(int uid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uid);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(uid, Size);
        return _rows[uid];
    }

    /// <summary>The dense n × n matrix: <c>[row][column]</c>, zeros filled in.</summary>
    public ushort[][] ToDense()
    {
        var dense = new ushort[Size][];
        for (var row = 0; row < Size; row++)
        {
            dense[row] = new ushort[Size];
            foreach (var entry in _rows[row])
            {
                dense[row][entry.Uid] = entry.Value;
            }
        }

        return dense;
    }

    /// <summary>
    /// The matrix of <paramref name="rows"/> for a subnet of <paramref name="size"/> uids. Throws
    /// <see cref="RpcProtocolException"/> when a row or entry names a uid outside it or rows repeat or are unordered.
    /// </summary>
    public static MetagraphMatrix From(SparseMatrix rows, int size)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var built = Enumerable.Repeat(ImmutableArray<UidValue>.Empty, size).ToArray();
        var previous = -1;
        foreach (var row in rows.Rows)
        {
            if (row.Uid <= previous || row.Uid >= size || row.Entries.Any(e => e.Uid >= size))
            {
                throw new RpcProtocolException(
                    $"the node's weights or bonds of subnet {rows.Netuid} at block {rows.Block} have row {row.Uid} out of order or outside its {size} uids; are the node and the client the same version?");
            }

            built[row.Uid] = [.. row.Entries];
            previous = row.Uid;
        }

        return new MetagraphMatrix(rows.Block, [.. built]);
    }
}
