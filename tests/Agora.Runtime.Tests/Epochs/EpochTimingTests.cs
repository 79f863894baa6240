using Agora.Core.Primitives;
using Agora.Protocol.Epochs;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Epochs;

public sealed class EpochTimingTests
{
    [Fact]
    public void Each_subnet_runs_its_epoch_only_in_the_blocks_its_schedule_names_staggered_by_netuid()
    {
        // Given two subnets on the dev chain (tempo 20), both with stake so they earn emission
        using var world = EpochWorld.Create();
        var second = EconomyChain.Launch(world.Chain, "second");
        var hotkey = EpochWorld.Account(5, 1);
        world.Write(state =>
        {
            EpochWorld.Own(state, world.Owner, hotkey, 0);
            world.Stake(state, world.Owner, hotkey, Rao.FromTao(10));
            Modules.Staking.StakeLedger.Credit(state, world.Owner, hotkey, second, Rao.FromTao(10), world.Chain.Parameters);
            state.SetU64(StateKeys.TotalIssuance, state.GetU64(StateKeys.TotalIssuance) + Rao.FromTao(10).Value);
        });
        var start = world.Chain.BestNumber + 1;

        // When 70 blocks run
        var runs = new List<(ushort Netuid, ulong Block)>();
        for (var i = 0; i < 70; i++)
        {
            var (execution, _) = world.Chain.Produce();
            runs.AddRange(execution.Events.Select(e => e.Event).OfType<EpochRun>().Select(r => (r.Netuid, r.Block)));
            Assert.Equal(0, world.Chain.InvariantGap());
        }

        // Then each ran exactly where (b + netuid + 1) % 21 == 0, so never both in one block
        var expected = Enumerable.Range((int)start, 70).Select(b => (ulong)b)
            .SelectMany(b => new[] { world.Netuid, second }.Where(n => (b + n + 1) % 21 == 0).Select(n => (n, b)))
            .ToArray();
        Assert.Equal(expected, runs);
        Assert.True(runs.Count >= 6);
        Assert.DoesNotContain(runs, r => runs.Count(o => o.Block == r.Block) > 1);
    }

    [Fact]
    public void A_subnet_without_neurons_pays_nothing_and_carries_its_whole_emission_as_dust()
    {
        // Given a staked subnet with no neurons
        using var world = EpochWorld.Create();
        var hotkey = EpochWorld.Account(5, 1);
        world.Write(state =>
        {
            EpochWorld.Own(state, world.Owner, hotkey, 0);
            world.Stake(state, world.Owner, hotkey, Rao.FromTao(10));
        });
        var epochBlock = EpochSchedule.NextEpochBlock(world.Chain.BestNumber + 2, world.Netuid, world.Hyperparameters.Tempo);
        world.Chain.AdvanceTo(epochBlock - 1);
        var ownerFree = world.Chain.Account(world.Owner).Free;

        // When its epoch block runs
        var (execution, _) = world.Chain.Produce();

        // Then the epoch ran, paid nobody (not even the owner) and carried everything
        var run = Assert.Single(world.EpochRuns(execution));
        var economy = SubnetState.Economy(new StateOverlay(world.Chain.State), world.Netuid);
        Assert.True(run.Emission > Rao.Zero);
        Assert.Equal(new EpochRun(world.Netuid, epochBlock, run.Emission, Rao.Zero, Rao.Zero, Rao.Zero, Rao.Zero, run.Emission), run);
        Assert.Equal((Rao.Zero, run.Emission), (economy.PendingEmission, economy.Dust));
        Assert.Equal(ownerFree, world.Chain.Account(world.Owner).Free);
        Assert.Equal(new SubnetEpochState(epochBlock), EpochState.Subnet(new StateOverlay(world.Chain.State), world.Netuid));
        Assert.Equal(0, world.Chain.InvariantGap());

        // and the carried dust is paid by the next epoch's split with the new emission on top
        world.Chain.AdvanceTo(epochBlock + world.Hyperparameters.Tempo);
        var (next, _) = world.Chain.Produce();
        Assert.True(Assert.Single(world.EpochRuns(next)).Emission > run.Emission);
    }

    [Fact]
    public void Runtime_versions_before_neurons_run_no_epochs()
    {
        Assert.DoesNotContain(Execution.RuntimeRules.For(RuntimeVersion.Economy).Hooks, h => h is EpochRunner);
        var hooks = Execution.RuntimeRules.For(RuntimeVersion.Neurons).Hooks;
        Assert.IsType<Modules.Emission.StakeWeightedEmission>(hooks[0]);
        Assert.IsType<EpochRunner>(hooks[1]);
        Assert.Contains(hooks, h => h is ProposalExpiry);
    }
}
