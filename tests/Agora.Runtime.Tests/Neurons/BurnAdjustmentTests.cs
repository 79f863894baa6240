using Agora.Core.Primitives;
using Agora.Protocol.Neurons;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class BurnAdjustmentTests
{
    private static readonly Rao Min = new(500_000);
    private static readonly Rao Max = Rao.FromTao(100);

    [Theory]
    [InlineData(100_000_000UL, 2U, 2UL, 100_000_000UL)] // on target: unchanged
    [InlineData(100_000_000UL, 6U, 2UL, 200_000_000UL)] // (6 + 2) / 4 = 2×
    [InlineData(100_000_000UL, 0U, 2UL, 50_000_000UL)] // none: halved
    [InlineData(100_000_000UL, 1U, 3UL, 66_666_666UL)] // (1 + 3) / 6, floored
    [InlineData(700_000UL, 0U, 2UL, 500_000UL)] // halving stops at min_burn
    [InlineData(90_000_000_000UL, 30U, 2UL, 100_000_000_000UL)] // capped at max_burn
    public void The_burn_moves_by_registrations_against_the_target_within_its_bounds(ulong burn, uint registrations, ulong target, ulong expected)
    {
        Assert.Equal(new Rao(expected), BurnAdjustment.Adjust(new Rao(burn), registrations, target, Min, Max));
    }

    [Fact]
    public void The_product_is_taken_in_128_bits_so_a_huge_burn_clamps_instead_of_overflowing()
    {
        Assert.Equal(Max, BurnAdjustment.Adjust(new Rao(ulong.MaxValue), uint.MaxValue, 1, Min, Max));
    }

    [Fact]
    public void A_registration_rush_raises_the_burn_at_the_interval_boundary_and_restarts_the_count()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.AdjustmentInterval, 100),
            new HyperparameterOverride(HyperparameterId.TargetRegistrationsPerInterval, 2));
        chain.AdvanceTo(100);
        var start = NeuronState.Registration(chain.State, netuid, chain.Parameters).Burn;
        var coldkey = NeuronsChain.Coldkey(chain);
        for (var i = 0; i < 6; i++)
        {
            NeuronsChain.Register(chain, coldkey, NeuronsChain.Hotkey(i), netuid);
        }

        chain.AdvanceTo(199);
        Assert.Equal(start, NeuronState.Registration(chain.State, netuid, chain.Parameters).Burn);

        var (execution, _) = chain.Produce();

        Assert.Equal(200UL, chain.BestNumber);
        var raised = start + start;
        Assert.Contains(new BurnAdjusted(netuid, start, raised, 6, 2), NeuronsChain.BlockEvents(execution.Events));
        var state = NeuronState.Registration(chain.State, netuid, chain.Parameters);
        Assert.Equal((raised, 0U), (state.Burn, state.RegistrationsThisInterval));
        Assert.Equal(raised, chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(9), netuid)).OfType<NeuronRegistered>().Single().Burn);
    }

    [Fact]
    public void Quiet_intervals_halve_the_burn_down_to_min_burn_and_then_stay_silent()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha", new HyperparameterOverride(HyperparameterId.AdjustmentInterval, 10),
            new HyperparameterOverride(HyperparameterId.MinBurn, 30_000_000));
        var adjustments = new List<BurnAdjusted>();
        var silentAtMin = 0;
        while (chain.BestNumber < 100)
        {
            var (execution, _) = chain.Produce();
            adjustments.AddRange(NeuronsChain.BlockEvents(execution.Events).OfType<BurnAdjusted>());
            if (chain.BestNumber > 50 && chain.BestNumber % 10 == 0)
            {
                silentAtMin += NeuronsChain.BlockEvents(execution.Events).OfType<BurnAdjusted>().Count();
            }
        }

        Assert.Equal([100_000_000UL, 50_000_000UL], adjustments.Select(a => a.OldBurn.Value).ToArray());
        Assert.Equal([50_000_000UL, 30_000_000UL], adjustments.Select(a => a.NewBurn.Value).ToArray());
        Assert.All(adjustments, a => Assert.Equal(netuid, a.Netuid));
        Assert.Equal(0, silentAtMin);
        Assert.Equal(new Rao(30_000_000), NeuronState.Registration(chain.State, netuid, chain.Parameters).Burn);
    }

    [Fact]
    public void Subnets_adjust_each_on_their_own_interval()
    {
        using var chain = EconomyChain.Create();
        var fast = EconomyChain.Launch(chain, "fast", new HyperparameterOverride(HyperparameterId.AdjustmentInterval, 7));
        var slow = EconomyChain.Launch(chain, "slow", new HyperparameterOverride(HyperparameterId.AdjustmentInterval, 7_000));
        var start = chain.BestNumber;

        chain.AdvanceTo(start + 8);

        Assert.True(NeuronState.Registration(chain.State, fast, chain.Parameters).Burn < chain.Parameters.RegistrationBurnStart);
        Assert.Equal(chain.Parameters.RegistrationBurnStart, NeuronState.Registration(chain.State, slow, chain.Parameters).Burn);
        Assert.Null(chain.State.Get(NeuronKeys.Registration(slow)));
    }
}
