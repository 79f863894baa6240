using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class I32F32Tests
{
    private static I32F32 Bits(long bits) => new(bits);

    [Fact]
    public void Multiplication_truncates_the_exact_product()
    {
        // 1/3 is 0x55555555 / 2^32; (1/3) * 3 = 0xFFFFFFFF / 2^32, one unit below 1: nothing rounds up.
        var third = I32F32.One / I32F32.FromInt(3L);
        Assert.Equal(0x55555555L, third.Bits);
        Assert.Equal(0xFFFFFFFFL, (third * I32F32.FromInt(3L)).Bits);

        // 2^-32 * 0.5 = 2^-33, truncated to 0.
        Assert.Equal(0L, (I32F32.Epsilon * Bits(1L << 31)).Bits);
    }

    [Fact]
    public void Negative_products_round_towards_negative_infinity_like_the_reference()
    {
        // -2^-32 * 0.5 = -2^-33: the reference's arithmetic shift gives -2^-32, not 0.
        Assert.Equal(-1L, (Bits(-1) * Bits(1L << 31)).Bits);
    }

    [Fact]
    public void Division_truncates_and_division_by_zero_gives_zero()
    {
        // 2 / 3 = 0.666..., bits floor(2 * 2^32 / 3) = 2863311530.
        Assert.Equal(2863311530L, (I32F32.FromInt(2L) / I32F32.FromInt(3L)).Bits);
        Assert.Equal(I32F32.Zero, I32F32.One / I32F32.Zero);

        // An overflowing quotient also gives zero (safe_div).
        Assert.Equal(I32F32.Zero, I32F32.FromInt(1_000_000L) / I32F32.Epsilon);
    }

    [Fact]
    public void Addition_and_subtraction_saturate()
    {
        Assert.Equal(I32F32.MaxValue, I32F32.MaxValue + I32F32.One);
        Assert.Equal(I32F32.MinValue, I32F32.MinValue - I32F32.One);
        Assert.Equal(I32F32.MaxValue, I32F32.FromInt(1L << 40));
    }

    [Fact]
    public void Fast_paths_agree_with_128_bit_arithmetic()
    {
        Gen.Select(Gen.Long[0, 1L << 33], Gen.Long[0, 1L << 33]).Sample((a, b) =>
        {
            var product = ((Int128)a * b) >> 32;
            Assert.Equal((long)product, (Bits(a) * Bits(b)).Bits);
            var quotient = b == 0 ? 0 : ((Int128)a << 32) / b;
            Assert.Equal(quotient > long.MaxValue ? 0 : (long)quotient, (Bits(a) / Bits(b)).Bits);
        }, iter: 20000);
    }

    [Fact]
    public void Multiplication_of_any_values_equals_the_saturated_128_bit_product()
    {
        var bits = Gen.OneOf(Gen.Long, Gen.Long[-(1L << 34), 1L << 34], Gen.OneOf(Gen.Const(long.MinValue), Gen.Const(long.MaxValue)));
        Gen.Select(bits, bits).Sample((a, b) =>
        {
            var exact = ((Int128)a * b) >> 32;
            var expected = exact > long.MaxValue ? long.MaxValue : exact < long.MinValue ? long.MinValue : (long)exact;
            Assert.Equal(expected, (Bits(a) * Bits(b)).Bits);
        }, iter: 50000);
    }

    [Fact]
    public void Division_of_any_values_equals_the_truncated_128_bit_quotient_or_zero()
    {
        var bits = Gen.OneOf(Gen.Long, Gen.Long[0, 1L << 40], Gen.Long[-(1L << 34), 1L << 34], Gen.OneOf(Gen.Const(long.MinValue), Gen.Const(long.MaxValue), Gen.Const(0L), Gen.Const(1L << 32)));
        Gen.Select(bits, bits).Sample((a, b) =>
        {
            var exact = b == 0 ? 0 : ((Int128)a << 32) / b;
            var expected = exact > long.MaxValue || exact < long.MinValue ? 0 : (long)exact;
            Assert.Equal(expected, (Bits(a) / Bits(b)).Bits);
        }, iter: 100000);
    }

    [Theory]
    [InlineData(0L, "0.0")]
    [InlineData(1L << 32, "1.0")]
    [InlineData(1L << 31, "0.5")]
    [InlineData(1L, "0.00000000023283064365386962890625")]
    [InlineData(0xFFFFFFFEL, "0.9999999995343387126922607421875")]
    [InlineData(-(3L << 30), "-0.75")]
    public void Decimal_string_is_the_exact_expansion(long bits, string expected)
    {
        Assert.Equal(expected, Bits(bits).ToDecimalString());
    }

    [Fact]
    public void Emission_products_are_exact_before_the_floor()
    {
        // 0.1 as I32F32 is 429496729 / 2^32, slightly below 0.1: 10^9 rao × that = 99999999.8 → 99999999.
        var tenth = I32F32.One / I32F32.FromInt(10L);
        Assert.Equal(99_999_999UL, tenth.MultiplyFloor(1_000_000_000));
        Assert.Equal(ulong.MaxValue, I32F32.One.MultiplyFloor(ulong.MaxValue));
        Assert.Equal(0UL, Bits(-5).MultiplyFloor(100));
    }

    [Fact]
    public void Stake_normalisation_equals_64_64_division_then_truncation()
    {
        Gen.ULong.Array[1, 6].Sample(values =>
        {
            var result = U64Proportions.Normalize(values);
            UInt128 sum = 0;
            foreach (var v in values)
            {
                sum += v;
            }

            for (var i = 0; i < values.Length; i++)
            {
                // The literal 64.64 route: (v << 64) / sum, then drop 32 fractional bits.
                var expected = sum == 0 ? 0 : (long)((((UInt128)values[i] << 64) / sum) >> 32);
                Assert.Equal(expected, result[i].Bits);
            }
        });
    }

    [Fact]
    public void Stake_normalisation_of_1_2_3_4_matches_the_reference_test()
    {
        // 1/10 → floor(2^32 / 10) = 429496729, etc.
        var s = U64Proportions.Normalize([1, 2, 3, 4, 0]);
        Assert.Equal([429496729L, 858993459L, 1288490188L, 1717986918L, 0L], s.Select(x => x.Bits));
    }

    [Fact]
    public void Reciprocal_equals_one_divided_by_the_value()
    {
        // 1 / 1 = 1 and 1 / 2 = 0.5 (2 divides 2^64: the quotient of 2^64 − 1 is one short); 1 / 3 truncates.
        Assert.Equal(I32F32.One, I32F32.Reciprocal(I32F32.One));
        Assert.Equal(Bits(1L << 31), I32F32.Reciprocal(I32F32.FromInt(2L)));
        Assert.Equal(Bits(0x55555555L), I32F32.Reciprocal(I32F32.FromInt(3L)));
        Assert.Equal(I32F32.Zero, I32F32.Reciprocal(I32F32.Zero));
        Gen.OneOf(Gen.Long, Gen.Long[1L << 32, 1L << 40], Gen.Int[32, 62].Select(k => 1L << k)).Sample(bits =>
            Assert.Equal(I32F32.One / Bits(bits), I32F32.Reciprocal(Bits(bits))));
    }
}
