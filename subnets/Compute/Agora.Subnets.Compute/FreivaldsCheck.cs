using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Agora.Subnets.Compute;

/// <summary>
/// Freivalds' randomized test of a claimed product C = A · B mod p. Each round draws a vector r and compares
/// A · (B · r) with C · r: three matrix-vector products, O(nk + km + nm) work against O(nkm) to recompute A · B.
/// A correct C always passes. A wrong C passes a round only if r lies in the kernel of D = A·B − C; with D ≠ 0, some
/// row d of D has a non-zero entry d_j, and for any fixed choice of the other entries of r at most one value of r_j
/// makes d · r = 0. So a round passes with probability ≤ 1/2 for r ∈ {0,1}^m and ≤ 1/p for r uniform in the field;
/// rounds draw independent vectors, so t rounds pass with probability ≤ 2^-t or p^-t (<see cref="MissProbabilityBound"/>).
/// The bound holds only if the miner cannot predict r: the validator draws it after the answer arrives, from its own
/// randomness, which is not consensus.
/// </summary>
public static class FreivaldsCheck
{
    /// <summary>
    /// Whether <paramref name="c"/> passes <paramref name="rounds"/> rounds of the test for A · B, drawing vectors
    /// from <paramref name="random"/>. The shapes must agree and every entry be a residue (judge those first:
    /// <see cref="ResponseJudge"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not agree, or the round count is outside 1..<see cref="ComputeLimits.FreivaldsRoundsMax"/>.</exception>
    public static bool Verify(
        FieldMatrix a,
        FieldMatrix b,
        FieldMatrix c,
        Random random,
        int rounds,
        FreivaldsVectors vectors = FreivaldsVectors.Field)
    {
        if (a.Cols != b.Rows || c.Rows != a.Rows || c.Cols != b.Cols)
        {
            throw new ArgumentException(
                $"C is {c.Rows}×{c.Cols}, A is {a.Rows}×{a.Cols}, B is {b.Rows}×{b.Cols}: the shapes do not agree.",
                nameof(c));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rounds, ComputeLimits.FreivaldsRoundsMax);
        var r = new uint[b.Cols];
        var br = new uint[b.Rows];
        var abr = new uint[a.Rows];
        var cr = new uint[c.Rows];
        for (var round = 0; round < rounds; round++)
        {
            Draw(r, random, vectors);
            MultiplyVector(b, r, br);
            MultiplyVector(a, br, abr);
            MultiplyVector(c, r, cr);
            if (!abr.AsSpan().SequenceEqual(cr))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The most a wrong product can pass <paramref name="rounds"/> rounds with: 2^-t for binary vectors, p^-t for
    /// field vectors. (A double: this is a statement about the validator's randomness, not a consensus value.)
    /// </summary>
    public static double MissProbabilityBound(int rounds, FreivaldsVectors vectors) =>
        Math.Pow(vectors == FreivaldsVectors.Binary ? 0.5 : 1.0 / FieldArithmetic.Prime, rounds);

    /// <summary>y = M · x mod p (eight entries at a time with AVX2).</summary>
    internal static void MultiplyVector(FieldMatrix matrix, ReadOnlySpan<uint> x, Span<uint> y)
    {
        for (var i = 0; i < matrix.Rows; i++)
        {
            y[i] = FieldArithmetic.Reduce(Dot(matrix.Row(i), x));
        }
    }

    /// <summary>Σ Fold(row[j] · x[j]), unreduced: each term is below 2^32, and a row has at most 1024.</summary>
    private static ulong Dot(ReadOnlySpan<uint> row, ReadOnlySpan<uint> x)
    {
        ulong sum = 0;
        var j = 0;
        if (Avx2.IsSupported)
        {
            var sums = Vector256<ulong>.Zero;
            for (; j <= row.Length - 8; j += 8)
            {
                var (rowLower, rowUpper) = Vector256.Widen(Vector256.Create(row.Slice(j, 8)));
                var (xLower, xUpper) = Vector256.Widen(Vector256.Create(x.Slice(j, 8)));
                sums += FieldArithmetic.MultiplyFold(rowLower, xLower) + FieldArithmetic.MultiplyFold(rowUpper, xUpper);
            }

            sum = Vector256.Sum(sums);
        }

        for (; j < row.Length; j++)
        {
            sum += FieldArithmetic.Fold((ulong)row[j] * x[j]);
        }

        return sum;
    }

    private static void Draw(Span<uint> r, Random random, FreivaldsVectors vectors)
    {
        for (var j = 0; j < r.Length; j++)
        {
            // Next(0, 2^31 − 1) is uniform over [0, p) exactly.
            r[j] = vectors == FreivaldsVectors.Binary
                ? (uint)random.Next(2)
                : (uint)random.Next(0, (int)FieldArithmetic.Prime);
        }
    }
}
