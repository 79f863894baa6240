using Agora.Core.Primitives;
using Agora.Protocol.Epochs;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests.Epochs;

/// <summary>
/// Two honest validators weight miner 3; a dissenter (owner Carol, 500 TAO, nominator Dave 300 TAO) weights miner 4
/// alone, which consensus clips to nothing, so its validator trust is 0 every epoch.
/// </summary>
public sealed class StakePenaltyTests
{
    private static readonly AccountId Alice = EpochWorld.Account(6, 0);
    private static readonly AccountId Bob = EpochWorld.Account(6, 1);
    private static readonly AccountId Carol = EpochWorld.Account(6, 2);
    private static readonly AccountId Dave = EpochWorld.Account(6, 3);
    private static readonly AccountId Erin = EpochWorld.Account(6, 4);
    private static readonly AccountId Dissenter = EpochWorld.Account(7, 2);

    [Fact]
    public void A_dissenting_validator_loses_part_of_its_owners_own_stake_after_penalty_epochs_while_honest_ones_and_nominators_are_untouched()
    {
        // Given the penalty on: rate 6553 (≈ 10%) after 2 epochs below 0.25 validator trust
        using var world = Scenario(rate: 6_553);

        // When three epochs run
        var (penalties, streaks) = RunEpochs(world, 3);

        // Then the dissenter's streak went 1, penalised at 2 (back to 0), then 1; the honest validators' stayed 0
        Assert.Equal([[0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0]], streaks);
        var penalty = Assert.Single(penalties);
        var ownBefore = Rao.FromTao(500);
        Assert.Equal(new StakePenalty(world.Netuid, 2, Dissenter, Carol, 0, 2, new Rao(Rao.FromTao(500).Value * 6_553 / 65_535)), penalty.Penalty);
        Assert.Equal(1, penalty.Epoch);

        // and the dissenter earned nothing, so Carol's stake is her 500 TAO less the burn and Dave's is whole
        var state = new StateOverlay(world.Chain.State);
        Assert.Equal(Rao.Zero, EpochState.Outputs(state, world.Netuid, 2).Emission);
        Assert.Equal(ownBefore - penalty.Penalty.Burned, StakingState.Position(state, Carol, Dissenter, world.Netuid));
        Assert.Equal(Rao.FromTao(300), StakingState.Position(state, Dave, Dissenter, world.Netuid));
        Assert.True(StakingState.Position(state, Alice, EpochWorld.Account(7, 0), world.Netuid) > Rao.FromTao(1_000), "the honest validators earned");
        Assert.Equal(0, world.Chain.InvariantGap());
    }

    [Fact]
    public void With_the_default_rate_of_zero_nobody_keeps_a_streak_or_loses_stake()
    {
        using var world = Scenario(rate: 0);

        var (penalties, streaks) = RunEpochs(world, 3);

        Assert.Empty(penalties);
        Assert.All(streaks, epoch => Assert.All(epoch, streak => Assert.Equal(0, streak)));
        Assert.Equal(Rao.FromTao(500), StakingState.Position(new StateOverlay(world.Chain.State), Carol, Dissenter, world.Netuid));
    }

    [Fact]
    public void Validator_trust_is_compared_with_the_threshold_exactly_in_integers()
    {
        // 16384 / 65535 lies between the I32F32 values floor(16384 · 2^32 / 65535) and the next one up
        var justBelow = (16_384L << 32) / 65_535;
        Assert.True(StakePenalties.IsBelow(new Core.FixedPoint.I32F32(1L << 30), 16_384)); // 0.25 < 16384 / 65535
        Assert.True(StakePenalties.IsBelow(new Core.FixedPoint.I32F32(justBelow), 16_384));
        Assert.False(StakePenalties.IsBelow(new Core.FixedPoint.I32F32(justBelow + 1), 16_384));
        Assert.False(StakePenalties.IsBelow(Core.FixedPoint.I32F32.One, 65_535));
        Assert.False(StakePenalties.IsBelow(Core.FixedPoint.I32F32.Zero, 0));
    }

    private static EpochWorld Scenario(ushort rate)
    {
        var world = EpochWorld.Create();
        world.SetHyperparameter(HyperparameterId.StakePenaltyRate, rate);
        world.SetHyperparameter(HyperparameterId.PenaltyEpochs, 2);
        world.SetHyperparameter(HyperparameterId.MaxAllowedValidators, 3);
        var block = world.Chain.BestNumber;
        AccountId[] owners = [Alice, Bob, Carol, Erin, Erin];
        ulong[] stakes = [1_000, 1_000, 500, 0, 0];
        world.Write(state =>
        {
            for (var uid = 0; uid < 5; uid++)
            {
                var hotkey = EpochWorld.Account(7, uid);
                EpochWorld.Own(state, owners[uid], hotkey, 0);
                world.Register(state, (ushort)uid, hotkey, 0);
                WeightsState.SetLastUpdate(state, world.Netuid, (ushort)uid, block);
                if (stakes[uid] > 0)
                {
                    world.Stake(state, owners[uid], hotkey, Rao.FromTao(stakes[uid]));
                    EpochState.SetOutputs(state, world.Netuid, (ushort)uid, NeuronOutputs.None with { ValidatorPermit = true });
                }

                var target = uid == 2 ? (ushort)4 : (ushort)3;
                if (uid < 3)
                {
                    WeightsState.SetRow(state, world.Netuid, (ushort)uid, new SparseU16Row([(target, 65_535)]));
                }
            }

            world.Stake(state, Dave, Dissenter, Rao.FromTao(300));
        });
        return world;
    }

    /// <summary>Runs blocks through <paramref name="epochs"/> epochs; the penalties (with the 0-based epoch they came in) and every epoch's streaks.</summary>
    private static (List<(int Epoch, StakePenalty Penalty)> Penalties, List<int[]> Streaks) RunEpochs(EpochWorld world, int epochs)
    {
        var penalties = new List<(int, StakePenalty)>();
        var streaks = new List<int[]>();
        while (streaks.Count < epochs)
        {
            var (execution, _) = world.Chain.Produce();
            Assert.Equal(0, world.Chain.InvariantGap());
            if (world.EpochRuns(execution).Length == 0)
            {
                continue;
            }

            penalties.AddRange(execution.Events.Select(e => e.Event).OfType<StakePenalty>().Select(p => (streaks.Count, p)));
            var state = new StateOverlay(world.Chain.State);
            streaks.Add([.. Enumerable.Range(0, 5).Select(uid => (int)EpochState.Outputs(state, world.Netuid, (ushort)uid).LowTrustEpochs)]);
        }

        return (penalties, streaks);
    }
}
