using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Agora.Subnets.Compute;

/// <summary>
/// Arithmetic in the prime field of order <see cref="Prime"/> = 2^31 − 1, in which every matrix of the subnet lives.
/// Products and sums are exact (no overflow, no rounding), so a validator can check an answer bit for bit, and the
/// prime is large, so Freivalds' test with field-uniform vectors misses a wrong product with probability ≤ 1/p.
/// </summary>
public static class FieldArithmetic
{
    /// <summary>The field's order p = 2^31 − 1, a Mersenne prime: reduction is a shift and an add.</summary>
    public const uint Prime = int.MaxValue;

    /// <summary>
    /// Folds a value below 2^62 (one product of two entries) to below 2^32 but congruent mod p, since 2^31 ≡ 1:
    /// cheap enough for inner loops, and up to 2^32 folded values can be summed in a u64 without overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fold(ulong value) => (value & Prime) + (value >> 31);

    /// <summary>
    /// <see cref="Fold"/>(left · right) in each of four lanes, for lanes holding values below 2^32: vpmuludq multiplies
    /// the low 32 bits of each lane into an exact 64-bit product. Only where <see cref="Avx2.IsSupported"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> MultiplyFold(Vector256<ulong> left, Vector256<ulong> right)
    {
        var products = Avx2.Multiply(left.AsUInt32(), right.AsUInt32());
        return (products & Vector256.Create((ulong)Prime)) + Vector256.ShiftRightLogical(products, 31);
    }

    /// <summary>Reduces any u64 to its residue in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Reduce(ulong value)
    {
        // Two folds bring any u64 below 2^31 + 8 (below 2p); one conditional subtraction finishes.
        var folded = Fold(Fold(value));
        return (uint)(folded >= Prime ? folded - Prime : folded);
    }

    /// <summary>(a · b) mod p for residues a, b in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Multiply(uint a, uint b) => Reduce((ulong)a * b);

    /// <summary>(a + b) mod p for residues a, b in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint a, uint b) => Reduce((ulong)a + b);

    /// <summary>(a − b) mod p for residues a, b in [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Subtract(uint a, uint b) => a >= b ? a - b : a + Prime - b;

    /// <summary>Whether <paramref name="value"/> is a residue, that is below p.</summary>
    public static bool IsResidue(uint value) => value < Prime;
}
