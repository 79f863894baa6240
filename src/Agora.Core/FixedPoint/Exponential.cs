namespace Agora.Core.FixedPoint;

/// <summary>
/// e^x in <see cref="I32F32"/> exactly as the reference chain computes it (its fixed-point library's <c>exp</c>, which
/// liquid alpha's sigmoid calls): the Taylor series 1 + x + x²/2! + … summed up to the x^31/31! term, every term
/// truncated as the I32F32 operators truncate, for |x|, then inverted for a negative x. Deterministic and free of
/// floating point, so every node gets the same bits.
/// </summary>
public static class Exponential
{
    // The reference returns its constant e, held with 23 fractional bits (floor(e · 2^23) = 22802600), for x = 1.
    private const long _eWith23FractionalBits = 22_802_600;

    private const int _lastTerm = 31;

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
        var magnitude = negative ? -x : x;
        var sum = magnitude + I32F32.One;
        var term = magnitude;
        for (var i = 2; i <= _lastTerm; i++)
        {
            if (CheckedMultiply(term, magnitude) is not { } product)
            {
                return null;
            }

            // A positive term over an integer: the I32F32 quotient truncates to the integer quotient of the bits.
            term = new I32F32(product.Bits / i);
            if (CheckedAdd(sum, term) is not { } next)
            {
                return null;
            }

            sum = next;
        }

        // sum ≥ 1, so its inverse cannot overflow.
        return negative ? I32F32.One / sum : sum;
    }

    /// <summary>The reference's <c>safe_exp</c>: e^<paramref name="x"/>, or zero where the series overflows.</summary>
    public static I32F32 ExpOrZero(I32F32 x) => Exp(x) ?? I32F32.Zero;

    private static I32F32? CheckedMultiply(I32F32 left, I32F32 right)
    {
        var product = ((Int128)left.Bits * right.Bits) >> I32F32.FractionalBits;
        return product > long.MaxValue || product < long.MinValue ? null : new I32F32((long)product);
    }

    private static I32F32? CheckedAdd(I32F32 left, I32F32 right)
    {
        var sum = (Int128)left.Bits + right.Bits;
        return sum > long.MaxValue || sum < long.MinValue ? null : new I32F32((long)sum);
    }
}
