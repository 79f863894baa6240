namespace Agora.Subnets.Compute;

/// <summary>Why a matrix-product request was refused. Values are frozen: append only.</summary>
public enum ComputeError
{
    /// <summary>A matrix is missing from the request.</summary>
    MatrixMissing = 1,

    /// <summary>A dimension is zero or above <see cref="ComputeLimits.DimensionMax"/>.</summary>
    DimensionOutOfRange = 2,

    /// <summary>B's row count differs from A's column count, so A·B is undefined.</summary>
    InnerDimensionMismatch = 3,

    /// <summary>An entry is not a residue below <see cref="FieldArithmetic.Prime"/>.</summary>
    EntryOutOfField = 4,
}
