using System.Text.Json.Serialization;

namespace Agora.Subnets.Compute;

/// <summary>
/// The subnet's synapse (<c>POST /synapse/matrix_product</c>): compute C = A · B over the field mod
/// <see cref="FieldArithmetic.Prime"/>. The entries travel in the request, as a real offloaded job's would, rather
/// than a seed the miner could expand itself.
/// </summary>
/// <param name="TaskId">The validator's id for this task; the response must echo it.</param>
/// <param name="A">The left factor, n×k.</param>
/// <param name="B">The right factor, k×m.</param>
public sealed record MatrixProductRequest(
    [property: JsonPropertyName("task_id")] ulong TaskId,
    [property: JsonPropertyName("a")] FieldMatrix A,
    [property: JsonPropertyName("b")] FieldMatrix B)
{
    /// <summary>The synapse name on the axon.</summary>
    public const string SynapseName = "matrix_product";

    /// <summary>The task's shape (meaningful once <see cref="Validate"/> passed).</summary>
    [JsonIgnore]
    public MatrixShape Shape => new(A.Rows, A.Cols, B.Cols);

    /// <summary>
    /// Checks the request a miner received: both matrices present, every dimension in 1..
    /// <see cref="ComputeLimits.DimensionMax"/>, A's columns equal to B's rows, every entry a residue. Returns the
    /// first problem found, naming its field, or null when the request is sound.
    /// </summary>
    public ComputeProblem? Validate()
    {
        // JSON leaves a missing property null whatever the annotation says.
        if (A is null)
        {
            return new ComputeProblem(ComputeError.MatrixMissing, "a", "The request has no matrix \"a\"; send A (n×k).");
        }

        if (B is null)
        {
            return new ComputeProblem(ComputeError.MatrixMissing, "b", "The request has no matrix \"b\"; send B (k×m).");
        }

        return CheckDimension("a.rows", A.Rows)
            ?? CheckDimension("a.cols", A.Cols)
            ?? CheckDimension("b.rows", B.Rows)
            ?? CheckDimension("b.cols", B.Cols)
            ?? CheckInner()
            ?? CheckEntries("a", A)
            ?? CheckEntries("b", B);
    }

    /// <summary>The first entry of <paramref name="matrix"/> that is not a residue, as a problem naming it.</summary>
    internal static ComputeProblem? CheckEntries(string field, FieldMatrix matrix)
    {
        var entries = matrix.Entries;
        var index = entries.IndexOfAnyInRange(FieldArithmetic.Prime, uint.MaxValue);
        return index < 0
            ? null
            : new ComputeProblem(
                ComputeError.EntryOutOfField,
                $"{field}.data[{index}]",
                $"Entry {index} of \"{field}\" (row {index / matrix.Cols}, column {index % matrix.Cols}) is "
                + $"{entries[index]}; entries are residues below {FieldArithmetic.Prime}.");
    }

    private static ComputeProblem? CheckDimension(string field, int value) =>
        value is >= 1 and <= ComputeLimits.DimensionMax
            ? null
            : new ComputeProblem(
                ComputeError.DimensionOutOfRange,
                field,
                $"\"{field}\" is {value}; every dimension must be 1 to {ComputeLimits.DimensionMax}.");

    private ComputeProblem? CheckInner() =>
        A.Cols == B.Rows
            ? null
            : new ComputeProblem(
                ComputeError.InnerDimensionMismatch,
                "b.rows",
                $"A is {A.Rows}×{A.Cols} but B has {B.Rows} rows; B must have as many rows as A has columns ({A.Cols}).");
}
