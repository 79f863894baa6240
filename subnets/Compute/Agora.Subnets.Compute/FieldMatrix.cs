using System.Text.Json.Serialization;

namespace Agora.Subnets.Compute;

/// <summary>
/// An immutable matrix of u32 entries, row-major. Entries of a valid matrix are residues mod
/// <see cref="FieldArithmetic.Prime"/>; a matrix read from the wire may hold anything, and the request and response
/// checks say which entry is out of the field. On the wire it is <c>{ "rows", "cols", "data" }</c> with the entries
/// as base64 of little-endian u32s (see <see cref="FieldMatrixJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(FieldMatrixJsonConverter))]
public sealed class FieldMatrix
{
    private readonly uint[] _entries;

    private FieldMatrix(int rows, int cols, uint[] entries)
    {
        Rows = rows;
        Cols = cols;
        _entries = entries;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>All entries, row-major: entry (i, j) is at i · <see cref="Cols"/> + j.</summary>
    public ReadOnlySpan<uint> Entries => _entries;

    /// <summary>Entry (i, j).</summary>
    public uint this[int row, int col] => _entries[(row * Cols) + col];

    /// <summary>Row <paramref name="row"/> as a span.</summary>
    public ReadOnlySpan<uint> Row(int row) => _entries.AsSpan(row * Cols, Cols);

    /// <summary>A matrix over a copy of <paramref name="entries"/> (row-major, rows · cols of them).</summary>
    /// <exception cref="ArgumentException">The entry count is not rows · cols, or a dimension is negative.</exception>
    public static FieldMatrix Create(int rows, int cols, ReadOnlySpan<uint> entries) =>
        Wrap(rows, cols, entries.ToArray());

    /// <summary>Takes ownership of <paramref name="entries"/>: the caller must not change the array afterwards.</summary>
    internal static FieldMatrix Wrap(int rows, int cols, uint[] entries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != entries.Length)
        {
            throw new ArgumentException(
                $"A {rows}×{cols} matrix has {(long)rows * cols} entries, but {entries.Length} were given.",
                nameof(entries));
        }

        return new FieldMatrix(rows, cols, entries);
    }

    /// <summary>A copy of this matrix with entry (i, j) replaced, for building wrong answers in tests and miners.</summary>
    public FieldMatrix With(int row, int col, uint value)
    {
        var copy = (uint[])_entries.Clone();
        copy[(row * Cols) + col] = value;
        return new FieldMatrix(Rows, Cols, copy);
    }

    /// <summary>Whether both matrices have the same shape and entries.</summary>
    public bool ContentEquals(FieldMatrix other) =>
        Rows == other.Rows && Cols == other.Cols && Entries.SequenceEqual(other.Entries);
}
