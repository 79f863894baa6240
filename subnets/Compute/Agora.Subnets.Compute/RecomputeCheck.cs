namespace Agora.Subnets.Compute;

/// <summary>The certain but costly alternative to <see cref="FreivaldsCheck"/>: recompute A · B and compare, O(nkm).</summary>
public static class RecomputeCheck
{
    /// <summary>Whether <paramref name="c"/> equals A · B mod p exactly.</summary>
    public static bool Verify(FieldMatrix a, FieldMatrix b, FieldMatrix c) =>
        MatrixMultiplier.Multiply(a, b).ContentEquals(c);
}
