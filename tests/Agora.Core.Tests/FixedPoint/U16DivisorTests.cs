using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class U16DivisorTests
{
    private static readonly Gen<ushort> _values = Gen.OneOf(Gen.UShort, Gen.OneOf(Gen.Const((ushort)0), Gen.Const((ushort)1), Gen.Const(ushort.MaxValue)));

    [Fact]
    public void Division_equals_the_I32F32_quotient_of_the_value_by_the_divisor()
    {
        // 3 / 4 = 0.75 = 3221225472 bits; 65535 / 1 keeps the value; division by zero gives zero.
        Assert.Equal(3L << 30, new U16Divisor(4).Divide(3).Bits);
        Assert.Equal(65535L << 32, new U16Divisor(1).Divide(ushort.MaxValue).Bits);
        Assert.Equal(0, new U16Divisor(0).Divide(ushort.MaxValue).Bits);

        // I32F32 holds integers below 2^31, the range of every row and column sum of u16 entries.
        var divisors = Gen.OneOf(Gen.ULong[0, 1UL << 16], Gen.ULong[0, (1UL << 31) - 1], Gen.Int[0, 30].Select(power => 1UL << power));
        Gen.Select(_values, divisors).Sample((value, divisor) =>
            Assert.Equal((I32F32.FromInt(value) / I32F32.FromInt((long)divisor)).Bits, new U16Divisor(divisor).Divide(value).Bits), iter: 50000);
    }

    [Fact]
    public void Division_is_exact_for_every_divisor_it_accepts()
    {
        Assert.Equal(0, new U16Divisor(U16Divisor.DivisorMax).Divide(ushort.MaxValue).Bits);
        Assert.Equal(1, new U16Divisor((ulong)ushort.MaxValue << 32).Divide(ushort.MaxValue).Bits);

        var divisors = Gen.OneOf(Gen.ULong[1, U16Divisor.DivisorMax], Gen.Int[0, 62].Select(power => 1UL << power), Gen.Int[1, 62].Select(power => (1UL << power) - 1), Gen.Int[1, 61].Select(power => (1UL << power) + 1));
        Gen.Select(_values, divisors).Sample((value, divisor) =>
            Assert.Equal((long)(((UInt128)value << 32) / divisor), new U16Divisor(divisor).Divide(value).Bits), iter: 50000);
    }

    [Fact]
    public void Division_is_exact_for_every_value_by_divisors_of_every_size()
    {
        // Every u16 value: a rare numerator near a multiple of the divisor is where too little precision shows.
        var divisors = Gen.Int[1, 62].SelectMany(power => Gen.ULong[(1UL << (power - 1)) + 1, 1UL << power]);
        divisors.Sample(divisor =>
        {
            var divisorValue = new U16Divisor(divisor);
            for (var value = 0; value <= ushort.MaxValue; value++)
            {
                var expected = (long)(((UInt128)(ulong)value << 32) / divisor);
                if (divisorValue.Divide((ushort)value).Bits != expected)
                {
                    Assert.Fail($"{value} / {divisor}: expected {expected} bits, got {divisorValue.Divide((ushort)value).Bits}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void A_divisor_above_the_maximum_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new U16Divisor(U16Divisor.DivisorMax + 1));
        Assert.Equal("divisor", error.ParamName);
    }
}
