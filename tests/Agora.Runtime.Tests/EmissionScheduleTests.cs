using Agora.Core.Primitives;
using Agora.Runtime.Modules.Emission;
using CsCheck;

namespace Agora.Runtime.Tests;

public sealed class EmissionScheduleTests
{
    private static readonly ChainParameters Parameters = new();

    [Theory]
    [InlineData(0UL, 1_000_000_000UL)]
    [InlineData(10_499_999UL, 1_000_000_000UL)]
    [InlineData(10_500_000UL, 500_000_000UL)]
    [InlineData(15_749_999UL, 500_000_000UL)]
    [InlineData(15_750_000UL, 250_000_000UL)]
    [InlineData(18_375_000UL, 125_000_000UL)]
    public void Block_emission_halves_as_issuance_crosses_half_three_quarters_and_so_on_of_the_cap(ulong issuanceTao, ulong expectedRao)
    {
        Assert.Equal(expectedRao, EmissionSchedule.BlockEmission(Rao.FromTao(issuanceTao), Parameters).Value);
    }

    [Fact]
    public void Emission_never_takes_issuance_past_the_cap()
    {
        Gen.ULong[0, Parameters.SupplyCap.Value].Sample(issuance =>
        {
            var emission = EmissionSchedule.BlockEmission(new Rao(issuance), Parameters);
            Assert.True(issuance + emission.Value <= Parameters.SupplyCap.Value);
        }, iter: 2000);
        Assert.Equal(0UL, EmissionSchedule.BlockEmission(Parameters.SupplyCap, Parameters).Value);
        // 1 TAO halved 30 times is below one rao: emission ends shortly before the cap.
        Assert.Equal(0UL, EmissionSchedule.BlockEmission(Parameters.SupplyCap - new Rao(1), Parameters).Value);
        Assert.Equal(1UL, EmissionSchedule.BlockEmission(Parameters.SupplyCap - new Rao(Parameters.SupplyCap.Value >> 29), Parameters).Value);
    }

    [Fact]
    public void Next_halving_is_reported_at_the_next_threshold()
    {
        Assert.Equal(Rao.FromTao(10_500_000), EmissionSchedule.NextHalvingAt(Rao.Zero, Parameters.SupplyCap));
        Assert.Equal(Rao.FromTao(15_750_000), EmissionSchedule.NextHalvingAt(Rao.FromTao(10_500_000), Parameters.SupplyCap));
    }
}
