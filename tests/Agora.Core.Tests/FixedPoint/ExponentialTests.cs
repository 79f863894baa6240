using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class ExponentialTests
{
    private static I32F32 Bits(long bits) => new(bits);

    [Fact]
    public void Zero_and_one_give_the_references_constants()
    {
        Assert.Equal(I32F32.One, Exponential.Exp(I32F32.Zero));

        // e with 23 fractional bits, floor(2.718281828… · 2^23) = 22802600, widened to 32: 2.71828174591064453125.
        Assert.Equal(Bits(22_802_600L << 9), Exponential.Exp(I32F32.One));
    }

    [Fact]
    public void Series_truncates_each_term_as_the_reference_does()
    {
        // Bits from the same series in exact integer arithmetic (a product's low 32 bits dropped, each term's
        // division by i truncated, 30 terms after 1 + x), independently of this code:
        // e^2 = 7.389056097… (true 7.389056098…), e^5 = 148.413159098… (true 148.413159102…).
        Assert.Equal(Bits(31_735_754_285), Exponential.Exp(I32F32.FromInt(2L)));
        Assert.Equal(Bits(637_429_664_624), Exponential.Exp(I32F32.FromInt(5L)));

        // e^0.5 = 1.64872127003… (true 1.64872127070…): a fraction's series is short of the tail it drops.
        Assert.Equal(Bits(7_081_203_935), Exponential.Exp(Bits(1L << 31)));

        // A negative x is 1 / e^|x|, the quotient truncated: e^-5 = 0.00673794699… (true 0.00673794699…).
        Assert.Equal(Bits(28_939_262), Exponential.Exp(I32F32.FromInt(-5L)));
        Assert.Equal(Bits(2_605_029_348), Exponential.Exp(Bits(-(1L << 31))));
    }

    [Fact]
    public void Overflowing_series_gives_null_and_safe_exp_gives_zero()
    {
        // The last x whose series fits (e^20.8885… = 1,162,934,629.277…) and the first that does not: a term times x
        // reaches 2^31 before it is divided.
        Assert.Equal(Bits(4_994_766_200_130_743_759), Exponential.Exp(Bits(89_715_445_397)));
        Assert.Null(Exponential.Exp(Bits(89_715_445_398)));

        // As in the reference, e^-x overflows where e^x does, and safe_exp turns it into 0 (the true value is ~1e-9).
        Assert.Equal(Bits(3), Exponential.Exp(Bits(-89_715_445_397)));
        Assert.Null(Exponential.Exp(I32F32.FromInt(-22L)));
        Assert.Equal(I32F32.Zero, Exponential.ExpOrZero(I32F32.FromInt(-22L)));
        Assert.Equal(I32F32.Zero, Exponential.ExpOrZero(I32F32.MaxValue));
        Assert.Equal(I32F32.Zero, Exponential.ExpOrZero(I32F32.MinValue));
    }

    [Fact]
    public void Exp_is_increasing_and_inverts_for_negative_arguments()
    {
        Gen.Long[-(20L << 32), 20L << 32].Sample(bits =>
        {
            var x = Bits(bits);
            var value = Exponential.Exp(x)!.Value;
            var next = Exponential.Exp(Bits(bits + (1L << 20)))!.Value;
            Assert.True(next >= value, $"e^x must not fall: x = {x}");

            // e^-x · e^x is 1 less the truncation of the inverse: short of 2^64 raw bits by less than the larger factor.
            var inverse = Exponential.Exp(-x)!.Value;
            var product = (Int128)inverse.Bits * value.Bits;
            Assert.InRange(product, ((Int128)1 << 64) - long.Max(inverse.Bits, value.Bits), (Int128)1 << 64);
        });
    }

    [Fact]
    public void Exp_equals_the_series_written_out_with_the_general_operators()
    {
        // The series as the reference writes it, with 128-bit products and plain division, term after term to x^31/31!.
        static I32F32? Literal(I32F32 x)
        {
            var magnitude = x.Bits < 0 ? -(Int128)x.Bits : x.Bits;
            var sum = magnitude + (1L << 32);
            var term = magnitude;
            for (var i = 2; i <= 31; i++)
            {
                term = (term * magnitude) >> 32;
                if (term > long.MaxValue)
                {
                    return null;
                }

                term /= i;
                sum += term;
                if (sum > long.MaxValue)
                {
                    return null;
                }
            }

            return x.Bits < 0 ? I32F32.One / new I32F32((long)sum) : new I32F32((long)sum);
        }

        Gen.OneOf(Gen.Long[-(22L << 32), 22L << 32], Gen.Long[-(1L << 33), 1L << 33], Gen.Long).Sample(bits =>
        {
            var x = Bits(bits);
            Assert.Equal(x.IsZero ? I32F32.One : x == I32F32.One ? Exponential.Exp(x) : Literal(x), Exponential.Exp(x));
        });
    }
}
