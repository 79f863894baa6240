using System.Numerics;

namespace Agora.Core.FixedPoint;

/// <summary>
/// e^x in <see cref="I32F32"/> exactly as the reference chain computes it (its fixed-point library's <c>exp</c>, which
/// liquid alpha's sigmoid calls): the Taylor series 1 + x + x²/2! + … summed up to the x^31/31! term, every term
/// truncated as the I32F32 operators truncate, for |x|, then inverted for a negative x. Deterministic and free of
/// floating point, so every node gets the same bits.
/// </summary>
/// <remarks>
/// Liquid alpha takes one e^x per bond, so the series runs on raw bits: each term's product with |x| as one 64×64-bit
/// multiply, its division by i as a multiply by i's reciprocal (exact, see <see cref="Reciprocals"/>), and the series
/// stops at the first zero term, after which every term is zero and the sum cannot change.
/// </remarks>
public static class Exponential
{
    // The reference returns its constant e, held with 23 fractional bits (floor(e · 2^23) = 22802600), for x = 1.
    private const long _eWith23FractionalBits = 22_802_600;

    private const int _lastTerm = 31;

    private static readonly (ulong Multiplier, int Shift)[] _reciprocals = Reciprocals();

    /// <summary>
    /// e^<paramref name="x"/>, or null where the reference's series overflows I32F32: a term times |x| reaches 2^31
    /// from |x| = 20.8885 (raw bits 89,715,445,398) on, where e^x itself still fits; a negative x overflows alike.
    /// </summary>
    public static I32F32? Exp(I32F32 x)
    {
        if (x.IsZero)
        {
            return I32F32.One;
        }

        if (x == I32F32.One)
        {
            return new I32F32(_eWith23FractionalBits << (I32F32.FractionalBits - 23));
        }

        var negative = x.Bits < 0;
        var magnitude = (ulong)(negative ? -x : x).Bits;
        var sum = magnitude + (ulong)I32F32.One.Bits;
        var term = magnitude;
        for (var i = 2; i <= _lastTerm; i++)
        {
            // term · |x| as I32F32: the 128-bit product shifted right by 32, overflowing from 2^63 raw bits on.
            var high = WideArithmetic.MultiplyHigh(term, magnitude, out var low);
            if (high >= 1UL << (63 - I32F32.FractionalBits))
            {
                return null;
            }

            // A non-negative term over an integer: the I32F32 quotient truncates to the integer quotient of the bits.
            var (multiplier, shift) = _reciprocals[i];
            term = WideArithmetic.MultiplyHigh((high << I32F32.FractionalBits) | (low >> I32F32.FractionalBits), multiplier) >> shift;
            if (term == 0)
            {
                break;
            }

            sum += term;
            if (sum > long.MaxValue)
            {
                return null;
            }
        }

        // sum ≥ 1, so its inverse cannot overflow.
        var result = new I32F32((long)sum);
        return negative ? I32F32.Reciprocal(result) : result;
    }

    /// <summary>The reference's <c>safe_exp</c>: e^<paramref name="x"/>, or zero where the series overflows.</summary>
    public static I32F32 ExpOrZero(I32F32 x) => Exp(x) ?? I32F32.Zero;

    /// <summary>
    /// For each divisor d = 2..31, m and s with floor(n / d) = floor(n · m / 2^64) >> s for every n below 2^63
    /// (Granlund and Montgomery, "Division by invariant integers using multiplication", 1994): with ℓ = ceil(log2 d),
    /// m = ceil(2^(63 + ℓ) / d) and s = ℓ − 1, the error m · d − 2^(63 + ℓ) is below d ≤ 2^ℓ. m fits 64 bits, since
    /// d &gt; 2^(ℓ − 1) unless d is a power of two, where m = 2^63.
    /// </summary>
    private static (ulong Multiplier, int Shift)[] Reciprocals()
    {
        var reciprocals = new (ulong, int)[_lastTerm + 1];
        for (var d = 2; d <= _lastTerm; d++)
        {
            var log = 32 - BitOperations.LeadingZeroCount((uint)d - 1);
            var multiplier = ((UInt128.One << (63 + log)) + (ulong)d - 1) / (ulong)d;
            reciprocals[d] = ((ulong)multiplier, log - 1);
        }

        return reciprocals;
    }
}
