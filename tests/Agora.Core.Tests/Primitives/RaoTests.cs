using Agora.Core.Primitives;
using CsCheck;

namespace Agora.Core.Tests.Primitives;

public sealed class RaoTests
{
    [Theory]
    [InlineData("1", 1_000_000_000UL)]
    [InlineData("1.5", 1_500_000_000UL)]
    [InlineData("0.000000001", 1UL)]
    [InlineData(".25", 250_000_000UL)]
    [InlineData("21000000", 21_000_000_000_000_000UL)]
    [InlineData(" 2.0 ", 2_000_000_000UL)]
    public void Tao_amounts_parse_to_exact_rao_without_floating_point(string text, ulong expected)
    {
        Assert.Equal(expected, Rao.ParseTao(text).Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1.0000000001", "at most 9")]
    [InlineData("1,5", "not a TAO amount")]
    [InlineData("-1", "not a TAO amount")]
    [InlineData("1e9", "not a TAO amount")]
    [InlineData(".", "not a TAO amount")]
    [InlineData("99999999999999999999", "too large")]
    [InlineData("18446744073.709551616", "too large")]
    public void Invalid_tao_amounts_are_rejected_saying_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Rao.ParseTao(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_and_parsing_round_trip_every_amount()
    {
        Gen.ULong.Sample(value => Assert.Equal(value, Rao.ParseTao(new Rao(value).ToTaoString()).Value), iter: 5000);
        Assert.Equal("1.5", new Rao(1_500_000_000).ToTaoString());
        Assert.Equal("0.0", Rao.Zero.ToTaoString());
    }

    [Fact]
    public void Arithmetic_traps_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => new Rao(1) - new Rao(2));
        Assert.Throws<OverflowException>(() => new Rao(ulong.MaxValue) + new Rao(1));
        Assert.Throws<OverflowException>(() => Rao.FromTao(ulong.MaxValue / 1_000_000_000 + 1));
    }
}
