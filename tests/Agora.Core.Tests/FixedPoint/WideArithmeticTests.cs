using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class WideArithmeticTests
{
    // Random words, and the ones where carries and corrections happen: 0, 1, 2^k − 1, 2^k, 2^k + 1, the maximum.
    private static readonly Gen<ulong> _words = Gen.OneOf(
        Gen.ULong,
        Gen.Int[0, 63].Select(power => 1UL << power),
        Gen.Int[1, 64].Select(power => power == 64 ? ulong.MaxValue : (1UL << power) - 1),
        Gen.Int[0, 63].Select(power => (1UL << power) + 1),
        Gen.Int[1, 63].SelectMany(power => Gen.ULong[0, (1UL << power) - 1]));

    [Fact]
    public void The_high_half_of_a_product_equals_the_128_bit_product_shifted()
    {
        // 2^63 · 4 = 2^65: high half 2; (2^64 − 1)² = 2^128 − 2^65 + 1: high half 2^64 − 2.
        Assert.Equal(2UL, WideArithmetic.MultiplyHigh(1UL << 63, 4));
        Assert.Equal(ulong.MaxValue - 1, WideArithmetic.MultiplyHigh(ulong.MaxValue, ulong.MaxValue, out var low));
        Assert.Equal(1UL, low);

        Gen.Select(_words, _words).Sample((a, b) =>
        {
            var expected = (UInt128)a * b;
            Assert.Equal((ulong)(expected >> 64), WideArithmetic.MultiplyHigh(a, b, out var productLow));
            Assert.Equal((ulong)expected, productLow);
            Assert.Equal((ulong)(expected >> 64), WideArithmetic.MultiplyHighBySchoolbook(a, b));
        }, iter: 100000);
    }
}
