namespace Agora.Subnets.Compute;

/// <summary>The shape of a product task: A is <paramref name="Rows"/>×<paramref name="Inner"/>, B is
/// <paramref name="Inner"/>×<paramref name="Cols"/>, and the product C is <paramref name="Rows"/>×<paramref name="Cols"/>.</summary>
/// <param name="Rows">n, the rows of A and C.</param>
/// <param name="Inner">k, the columns of A and rows of B.</param>
/// <param name="Cols">m, the columns of B and C.</param>
public readonly record struct MatrixShape(int Rows, int Inner, int Cols)
{
    /// <summary>A square task n×n times n×n.</summary>
    public static MatrixShape Square(int n) => new(n, n, n);

    /// <summary>Multiply-adds to compute the product: n · k · m.</summary>
    public long ProductCost => (long)Rows * Inner * Cols;

    /// <inheritdoc/>
    public override string ToString() => $"{Rows}×{Inner} · {Inner}×{Cols}";
}
