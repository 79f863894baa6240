using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class I32F32DivisorTests
{
    private static readonly Gen<long> _anyBits = Gen.OneOf(
        Gen.Long,
        Gen.Long[0, 1L << 33],
        Gen.Long[-4, 4],
        Gen.Long[0, 1L << 32].Select(x => (1L << 32) - x % 3),
        Gen.OneOf(Gen.Const(long.MaxValue), Gen.Const(long.MinValue), Gen.Const(1L), Gen.Const(0L), Gen.Const((long)uint.MaxValue)));

    [Fact]
    public void Reciprocal_division_equals_the_division_operator_bit_for_bit()
    {
        Gen.Select(_anyBits, _anyBits).Sample((a, b) =>
        {
            // Given any dividend and divisor; when divided through the prepared divisor and directly
            var expected = new I32F32(a) / new I32F32(b);
            var actual = new I32F32Divisor(new I32F32(b)).Divide(new I32F32(a));

            // Then the results agree exactly
            Assert.Equal(expected, actual);
        }, iter: 200_000);
    }

    [Fact]
    public void Unsigned_reciprocal_division_is_the_exact_floor()
    {
        Gen.Select(Gen.ULong, Gen.OneOf(Gen.ULong[1, ulong.MaxValue], Gen.ULong[1, 70_000], Gen.Const(ulong.MaxValue), Gen.Const(1UL))).Sample((x, d) =>
        {
            // Given any 64-bit dividend and non-zero divisor; then the reciprocal path gives floor(x / d)
            Assert.Equal(x / d, I32F32Divisor.DivideUnsigned(x, d, I32F32Divisor.Reciprocal(d)));
        }, iter: 200_000);
    }

    [Fact]
    public void Edge_quotients_are_exact()
    {
        // Largest dividend of the fast path over the smallest divisors, and quotients just around a multiple.
        Assert.Equal(I32F32.Zero, new I32F32Divisor(new I32F32(1)).Divide(new I32F32(uint.MaxValue)));
        Assert.Equal(new I32F32(uint.MaxValue) / new I32F32(3), new I32F32Divisor(new I32F32(3)).Divide(new I32F32(uint.MaxValue)));
        Assert.Equal(I32F32.One, new I32F32Divisor(new I32F32(7)).Divide(new I32F32(7)));
        Assert.Equal(new I32F32(6) / new I32F32(7), new I32F32Divisor(new I32F32(7)).Divide(new I32F32(6)));
        Assert.Equal(ulong.MaxValue, I32F32Divisor.DivideUnsigned(ulong.MaxValue, 1, I32F32Divisor.Reciprocal(1)));
        Assert.Equal(1UL, I32F32Divisor.DivideUnsigned(ulong.MaxValue, ulong.MaxValue, I32F32Divisor.Reciprocal(ulong.MaxValue)));
    }
}
