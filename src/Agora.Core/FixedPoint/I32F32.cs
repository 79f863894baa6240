using System.Globalization;
using System.Runtime.CompilerServices;

namespace Agora.Core.FixedPoint;

/// <summary>
/// A signed fixed-point number with 32 integer and 32 fractional bits (value = <see cref="Bits"/> / 2^32),
/// with the semantics of the reference chain's <c>I32F32</c>: addition and subtraction saturate, every multiply
/// rounds towards negative infinity (truncates for the non-negative values consensus works with), every divide
/// truncates towards zero, and a division by zero (or one that overflows) gives zero.
/// </summary>
/// <param name="Bits">The raw two's-complement representation.</param>
public readonly record struct I32F32(long Bits) : IComparable<I32F32>
{
    /// <summary>Number of fractional bits.</summary>
    public const int FractionalBits = 32;

    private const long _oneBits = 1L << FractionalBits;
    private const ulong _fractionMask = (1UL << FractionalBits) - 1;

    // 10^32 / 2^32 = 5^32: multiplying the 32-bit fraction by it gives the exact 32 decimal digits.
    private static readonly UInt128 _fivePow32 = UInt128.Parse("23283064365386962890625", CultureInfo.InvariantCulture);

    /// <summary>Zero.</summary>
    public static I32F32 Zero => default;

    /// <summary>One.</summary>
    public static I32F32 One => new(_oneBits);

    /// <summary>The largest representable value (just below 2^31).</summary>
    public static I32F32 MaxValue => new(long.MaxValue);

    /// <summary>The smallest representable value (-2^31).</summary>
    public static I32F32 MinValue => new(long.MinValue);

    /// <summary>The smallest positive value, 2^-32.</summary>
    public static I32F32 Epsilon => new(1);

    /// <summary>True when the value is exactly zero.</summary>
    public bool IsZero => Bits == 0;

    /// <summary>Converts an integer, saturating outside [-2^31, 2^31).</summary>
    public static I32F32 FromInt(long value)
    {
        if (value >= 1L << 31)
        {
            return MaxValue;
        }

        return value < -(1L << 31) ? MinValue : new I32F32(value << FractionalBits);
    }

    /// <summary>Converts an unsigned integer, saturating at <see cref="MaxValue"/>.</summary>
    public static I32F32 FromInt(ulong value) => value >= 1UL << 31 ? MaxValue : new I32F32((long)value << FractionalBits);

    /// <summary>
    /// <c>numerator / denominator</c> as fixed-point numbers, i.e. floor(numerator * 2^32 / denominator); zero when
    /// the denominator is zero or the quotient does not fit.
    /// </summary>
    public static I32F32 FromRatio(ulong numerator, ulong denominator)
    {
        if (denominator == 0)
        {
            return Zero;
        }

        var quotient = ((UInt128)numerator << FractionalBits) / denominator;
        return quotient > long.MaxValue ? Zero : new I32F32((long)quotient);
    }

    /// <summary>Saturating addition.</summary>
    public static I32F32 operator +(I32F32 left, I32F32 right)
    {
        var a = left.Bits;
        var b = right.Bits;
        var sum = unchecked(a + b);
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            return a < 0 ? MinValue : MaxValue;
        }

        return new I32F32(sum);
    }

    /// <summary>Saturating subtraction.</summary>
    public static I32F32 operator -(I32F32 left, I32F32 right)
    {
        var a = left.Bits;
        var b = right.Bits;
        var difference = unchecked(a - b);
        if (((a ^ b) & (a ^ difference)) < 0)
        {
            return a < 0 ? MinValue : MaxValue;
        }

        return new I32F32(difference);
    }

    /// <summary>Saturating negation.</summary>
    public static I32F32 operator -(I32F32 value) => value.Bits == long.MinValue ? MaxValue : new I32F32(-value.Bits);

    /// <summary>Saturating multiplication; the exact product is rounded towards negative infinity.</summary>
    public static I32F32 operator *(I32F32 left, I32F32 right)
    {
        var a = left.Bits;
        var b = right.Bits;
        if (((ulong)a | (ulong)b) <= uint.MaxValue)
        {
            // Both in [0, 1): the 64-bit product cannot overflow.
            return new I32F32((long)(((ulong)a * (ulong)b) >> FractionalBits));
        }

        return MultiplyWide(a, b);
    }

    /// <summary>
    /// Division truncating towards zero; zero when <paramref name="right"/> is zero or the quotient overflows
    /// (the reference's <c>safe_div</c>).
    /// </summary>
    public static I32F32 operator /(I32F32 left, I32F32 right)
    {
        var a = left.Bits;
        var b = right.Bits;
        if ((ulong)a <= uint.MaxValue && b > 0)
        {
            // A dividend in [0, 1) shifted left still fits 64 bits.
            var quotient = ((ulong)a << FractionalBits) / (ulong)b;
            return quotient > long.MaxValue ? Zero : new I32F32((long)quotient);
        }

        return DivideWide(a, b);
    }

    /// <summary>
    /// <c>One / value</c>, equal to the operator bit for bit; for a value of at least one (a quotient of at most one) with
    /// one 64-bit division instead of the operator's 128-bit one: floor(2^64 / b) is floor((2^64 − 1) / b), plus one
    /// exactly when b divides 2^64.
    /// </summary>
    public static I32F32 Reciprocal(I32F32 value)
    {
        if (value.Bits < _oneBits)
        {
            return One / value;
        }

        var divisor = (ulong)value.Bits;
        var (quotient, remainder) = ulong.DivRem(ulong.MaxValue, divisor);
        return new I32F32((long)quotient + (remainder == divisor - 1 ? 1L : 0L));
    }

    /// <summary>Less than.</summary>
    public static bool operator <(I32F32 left, I32F32 right) => left.Bits < right.Bits;

    /// <summary>Greater than.</summary>
    public static bool operator >(I32F32 left, I32F32 right) => left.Bits > right.Bits;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(I32F32 left, I32F32 right) => left.Bits <= right.Bits;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(I32F32 left, I32F32 right) => left.Bits >= right.Bits;

    /// <summary>The smaller of two values.</summary>
    public static I32F32 Min(I32F32 left, I32F32 right) => new(Select(left.Bits <= right.Bits, left.Bits, right.Bits));

    /// <summary>The larger of two values.</summary>
    public static I32F32 Max(I32F32 left, I32F32 right) => new(Select(left.Bits >= right.Bits, left.Bits, right.Bits));

    /// <inheritdoc />
    public int CompareTo(I32F32 other) => Bits.CompareTo(other.Bits);

    /// <summary>
    /// floor(this × <paramref name="amount"/>) computed exactly (the reference's I96F32 product), saturating at
    /// <see cref="ulong.MaxValue"/>; zero for negative values.
    /// </summary>
    public ulong MultiplyFloor(ulong amount)
    {
        if (Bits <= 0)
        {
            return 0;
        }

        var product = ((UInt128)(ulong)Bits * amount) >> FractionalBits;
        return product > ulong.MaxValue ? ulong.MaxValue : (ulong)product;
    }

    /// <summary>The integer part (rounded towards negative infinity) saturated to the u16 range.</summary>
    public ushort ToUInt16Saturating()
    {
        var integer = Bits >> FractionalBits;
        if (integer <= 0)
        {
            return 0;
        }

        return integer >= ushort.MaxValue ? ushort.MaxValue : (ushort)integer;
    }

    /// <summary>
    /// The exact decimal expansion (at most 32 fractional digits, at least one), e.g. <c>0.5</c>, <c>1.0</c>,
    /// <c>0.00000000023283064365386962890625</c>. No floating point is involved.
    /// </summary>
    public string ToDecimalString()
    {
        var negative = Bits < 0;
        var magnitude = negative ? (ulong)(-(Int128)Bits) : (ulong)Bits;
        var integer = magnitude >> FractionalBits;
        var fraction = magnitude & _fractionMask;
        var digits = ((UInt128)fraction * _fivePow32).ToString(CultureInfo.InvariantCulture).PadLeft(32, '0').TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{integer}.{digits}");
    }

    /// <summary>The exact decimal expansion, see <see cref="ToDecimalString"/>.</summary>
    public override string ToString() => ToDecimalString();

    /// <summary>
    /// The general product: the exact 128-bit two's-complement product, shifted right by 32 (rounding towards −∞),
    /// saturated. Computed inline without a call or a 128-bit type, because a call inside the epoch's loops makes the
    /// JIT keep the loops' running totals in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static I32F32 MultiplyWide(long a, long b)
    {
        unchecked
        {
            var high = WideArithmetic.MultiplyHigh((ulong)(a < 0 ? -a : a), (ulong)(b < 0 ? -b : b), out var low);
            if ((a ^ b) < 0)
            {
                low = ~low + 1;
                high = ~high + (low == 0 ? 1UL : 0UL);
            }

            var top = (long)high;
            if (top >= 1L << 31)
            {
                return MaxValue;
            }

            return top < -(1L << 31) ? MinValue : new I32F32((top << FractionalBits) | (long)(low >> FractionalBits));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static I32F32 DivideWide(long a, long b)
    {
        if (b == 0)
        {
            return Zero;
        }

        var wide = ((Int128)a << FractionalBits) / b;
        return wide > long.MaxValue || wide < long.MinValue ? Zero : new I32F32((long)wide);
    }

    /// <summary>
    /// <paramref name="whenTrue"/> if <paramref name="condition"/>, else <paramref name="whenFalse"/>, without a branch:
    /// consensus takes minima and maxima of unpredictable pairs in its inner loops, where a mispredicted branch costs
    /// more than the whole comparison.
    /// </summary>
    private static long Select(bool condition, long whenTrue, long whenFalse)
    {
        var mask = -(long)(condition ? 1 : 0);
        return (whenTrue & mask) | (whenFalse & ~mask);
    }

    /// <summary>Sum of values with saturating additions, in order.</summary>
    public static I32F32 Sum(ReadOnlySpan<I32F32> values)
    {
        var sum = Zero;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
