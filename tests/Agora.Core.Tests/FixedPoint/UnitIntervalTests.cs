using Agora.Core.FixedPoint;
using CsCheck;

namespace Agora.Core.Tests.FixedPoint;

public sealed class UnitIntervalTests
{
    private const long One = 1L << 32;

    private static readonly Gen<long> _unitBits = Gen.OneOf(Gen.Long[0, One], Gen.OneOf(Gen.Const(0L), Gen.Const(1L), Gen.Const(One - 1), Gen.Const(One)));

    [Fact]
    public void Multiplication_in_the_unit_interval_equals_the_general_operator()
    {
        // 1 · 1 is the one product that does not fit 64 bits.
        Assert.Equal(One, UnitInterval.Multiply(I32F32.One, I32F32.One).Bits);

        Gen.Select(_unitBits, _unitBits).Sample((a, b) =>
            Assert.Equal((new I32F32(a) * new I32F32(b)).Bits, UnitInterval.Multiply(new(a), new(b)).Bits), iter: 50000);
    }

    [Fact]
    public void Division_of_a_part_by_its_whole_equals_the_general_operator()
    {
        // A part equal to a whole of one is one; a part of one in a larger whole takes the general path.
        Assert.Equal(One, UnitInterval.Divide(I32F32.One, I32F32.One).Bits);
        Assert.Equal(One / 3, UnitInterval.Divide(I32F32.One, new(3 * One)).Bits);

        var wholes = Gen.OneOf(Gen.Long[1, One], Gen.Long[1, 1L << 48], Gen.OneOf(Gen.Const(1L), Gen.Const(One)));
        wholes.SelectMany(whole => Gen.Long[0, whole].Select(part => (part, whole))).Sample(pair =>
            Assert.Equal((new I32F32(pair.part) / new I32F32(pair.whole)).Bits, UnitInterval.Divide(new(pair.part), new(pair.whole)).Bits), iter: 50000);
    }
}
