using System.Collections.Immutable;
using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;
using Agora.Yuma;

namespace Agora.Runtime.Tests.Epochs;

/// <summary>DESIGN §4a "Payouts at an epoch", case by case, on <see cref="EpochPayouts.Plan"/> with chosen emissions.</summary>
public sealed class EpochPayoutTests
{
    private static readonly AccountId Validator = EpochWorld.Account(3, 0);
    private static readonly AccountId Miner = EpochWorld.Account(3, 1);
    private static readonly AccountId Alice = EpochWorld.Account(4, 0);
    private static readonly AccountId Bob = EpochWorld.Account(4, 1);
    private static readonly AccountId Carol = EpochWorld.Account(4, 2);

    [Fact]
    public void The_owner_cut_is_the_floor_of_emission_times_11796_over_65535()
    {
        Assert.Equal(new Rao(179_995_422), EpochPayouts.OwnerCutOf(new Rao(1_000_000_000)));
        Assert.Equal(Rao.Zero, EpochPayouts.OwnerCutOf(new Rao(5)));
        Assert.Equal(new Rao(11_796), EpochPayouts.OwnerCutOf(new Rao(65_535)));
    }

    [Fact]
    public void Validator_emission_pays_the_take_to_the_owner_then_every_position_pro_rata_and_the_remainder_is_dust()
    {
        // Given a validator owned by Alice (take 6553 ≈ 10%) with Alice 100 rao and Bob 200 rao staked on it
        using var world = EpochWorld.Create();
        world.Write(state =>
        {
            EpochWorld.Own(state, Alice, Validator, 6_553);
            world.Stake(state, Alice, Validator, new Rao(100));
            world.Stake(state, Bob, Validator, new Rao(200));
        });

        // When 1000 rao of validator emission are planned
        var plan = Plan(world, [(Validator, 0, 1_000)]);

        // Then take floor(1000 · 6553 / 65535) = 99 to Alice; R = 901: Alice floor(901/3) = 300, Bob floor(1802/3) = 600
        Assert.Equal([new StakeCredit(Alice, Validator, new Rao(399)), new StakeCredit(Bob, Validator, new Rao(600))], plan.Credits.ToArray());
        Assert.Equal((Rao.Zero, new Rao(999), new Rao(99), new Rao(1)), (plan.MinerTotal, plan.ValidatorTotal, plan.TakeTotal, plan.Remainder));
    }

    [Fact]
    public void Miner_emission_goes_whole_to_the_owners_position_on_its_hotkey_even_when_others_stake_there()
    {
        using var world = EpochWorld.Create();
        world.Write(state =>
        {
            EpochWorld.Own(state, Carol, Miner, 11_796);
            world.Stake(state, Bob, Miner, new Rao(500));
        });

        var plan = Plan(world, [(Miner, 777, 0)]);

        Assert.Equal([new StakeCredit(Carol, Miner, new Rao(777))], plan.Credits.ToArray());
        Assert.Equal((new Rao(777), Rao.Zero, Rao.Zero, Rao.Zero), (plan.MinerTotal, plan.ValidatorTotal, plan.TakeTotal, plan.Remainder));
    }

    [Fact]
    public void A_hotkey_with_no_stake_pays_all_of_its_validator_emission_to_its_owner()
    {
        using var world = EpochWorld.Create();
        world.Write(state => EpochWorld.Own(state, Alice, Validator, 11_796));

        var plan = Plan(world, [(Validator, 10, 1_000)]);

        // Take floor(1000 · 11796 / 65535) = 179, the other 821 too, plus the 10 of miner emission: one credit of 1010
        Assert.Equal([new StakeCredit(Alice, Validator, new Rao(1_010))], plan.Credits.ToArray());
        Assert.Equal((new Rao(10), new Rao(1_000), new Rao(179), Rao.Zero), (plan.MinerTotal, plan.ValidatorTotal, plan.TakeTotal, plan.Remainder));
    }

    [Fact]
    public void A_nominator_whose_share_floors_to_zero_gets_no_credit_and_its_share_is_dust()
    {
        using var world = EpochWorld.Create();
        world.Write(state =>
        {
            EpochWorld.Own(state, Alice, Validator, 0);
            world.Stake(state, Alice, Validator, new Rao(1_000_000));
            world.Stake(state, Bob, Validator, new Rao(1));
        });

        var plan = Plan(world, [(Validator, 0, 100)]);

        // Bob: floor(100 · 1 / 1000001) = 0; Alice: floor(100 · 1000000 / 1000001) = 99
        Assert.Equal([new StakeCredit(Alice, Validator, new Rao(99))], plan.Credits.ToArray());
        Assert.Equal((new Rao(99), new Rao(1)), (plan.ValidatorTotal, plan.Remainder));
    }

    [Fact]
    public void A_registered_hotkey_that_no_coldkey_owns_is_a_broken_invariant()
    {
        using var world = EpochWorld.Create();

        Assert.Throws<InvalidOperationException>(() => Plan(world, [(Validator, 1, 0)]));
    }

    private static PayoutPlan Plan(EpochWorld world, (AccountId Hotkey, ulong Miner, ulong Validator)[] neurons)
    {
        var n = neurons.Length;
        var zeros = ImmutableArray.Create(new I32F32[n]);
        var output = new EpochOutput
        {
            Rank = zeros,
            Trust = zeros,
            Consensus = zeros,
            Incentive = zeros,
            Dividends = zeros,
            ValidatorTrust = zeros,
            Emission = [.. neurons.Select(x => x.Miner + x.Validator)],
            MinerEmission = [.. neurons.Select(x => x.Miner)],
            ValidatorEmission = [.. neurons.Select(x => x.Validator)],
            Dust = 0,
            ValidatorPermit = [.. new bool[n]],
            Bonds = SparseU16Matrix.Zero(n),
            PruningScore = [.. neurons.Select(x => x.Miner + x.Validator)],
        };
        var reading = new EpochReading(
            new EpochInput { CurrentBlock = 1, Emission = 0, Neurons = [.. new Yuma.NeuronState[n]], Weights = SparseU16Matrix.Zero(n), Bonds = SparseU16Matrix.Zero(n) },
            [.. neurons.Select(x => new NeuronInfo(x.Hotkey, 0))],
            [.. Enumerable.Repeat(NeuronOutputs.None, n)]);
        return EpochPayouts.Plan(new StateOverlay(world.Chain.State), world.Netuid, reading, output);
    }
}
