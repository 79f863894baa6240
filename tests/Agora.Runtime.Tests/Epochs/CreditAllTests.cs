using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests.Epochs;

public sealed class CreditAllTests
{
    [Fact]
    public void Crediting_all_at_once_leaves_exactly_the_state_that_crediting_one_by_one_does()
    {
        // Given two owned hotkeys with some stake, and credits that repeat positions, hotkeys and coldkeys
        using var world = EpochWorld.Create();
        AccountId[] coldkeys = [EpochWorld.Account(9, 0), EpochWorld.Account(9, 1), world.Owner];
        AccountId[] hotkeys = [EpochWorld.Account(10, 0), EpochWorld.Account(10, 1)];
        world.Write(state =>
        {
            EpochWorld.Own(state, coldkeys[0], hotkeys[0], 0);
            EpochWorld.Own(state, coldkeys[1], hotkeys[1], 0);
            world.Stake(state, coldkeys[0], hotkeys[0], Rao.FromTao(2));
            world.Stake(state, coldkeys[2], hotkeys[1], Rao.FromTao(1_000));
        });
        (AccountId, AccountId, Rao)[] credits =
        [
            (coldkeys[0], hotkeys[0], new Rao(5)), (coldkeys[1], hotkeys[0], new Rao(7)), (coldkeys[2], hotkeys[1], Rao.FromTao(3)),
            (coldkeys[0], hotkeys[0], new Rao(11)), (coldkeys[1], hotkeys[1], new Rao(13)),
        ];

        // When credited all at once, and one by one on a copy of the same state
        var together = new StateOverlay(world.Chain.State);
        StakeLedger.CreditAll(together, world.Netuid, credits, world.Chain.Parameters);
        var oneByOne = new StateOverlay(world.Chain.State);
        foreach (var (coldkey, hotkey, amount) in credits)
        {
            StakeLedger.Credit(oneByOne, coldkey, hotkey, world.Netuid, amount, world.Chain.Parameters);
        }

        // Then both wrote the same keys with the same values
        Assert.Equal(Written(oneByOne), Written(together));
    }

    [Fact]
    public void Crediting_from_a_stake_snapshot_writes_what_reading_the_stake_again_writes()
    {
        // Given positions on two hotkeys (one with two nominators) and a snapshot of the subnet's stake read from the same state
        using var world = EpochWorld.Create();
        AccountId[] coldkeys = [EpochWorld.Account(9, 0), EpochWorld.Account(9, 1), world.Owner];
        AccountId[] hotkeys = [EpochWorld.Account(10, 0), EpochWorld.Account(10, 1)];
        world.Write(state =>
        {
            EpochWorld.Own(state, coldkeys[0], hotkeys[0], 0);
            EpochWorld.Own(state, coldkeys[1], hotkeys[1], 0);
            world.Stake(state, coldkeys[0], hotkeys[0], Rao.FromTao(2));
            world.Stake(state, coldkeys[2], hotkeys[0], Rao.FromTao(5));
            world.Stake(state, coldkeys[2], hotkeys[1], Rao.FromTao(1_000));
        });
        var snapshot = SubnetStakeSnapshot.Read(world.Chain.State, world.Netuid);
        foreach (var hotkey in hotkeys)
        {
            snapshot.RecordHotkey(hotkey, StakingState.Hotkey(world.Chain.State, hotkey)!, StakingState.HotkeyStakeOn(world.Chain.State, hotkey, world.Netuid));
        }

        (AccountId, AccountId, Rao)[] credits =
        [
            (coldkeys[0], hotkeys[0], new Rao(5)), (coldkeys[2], hotkeys[0], new Rao(7)), (coldkeys[1], hotkeys[1], Rao.FromTao(3)),
            (coldkeys[0], hotkeys[0], new Rao(11)),
        ];

        // When credited with the snapshot and without it
        var fromSnapshot = new StateOverlay(world.Chain.State);
        StakeLedger.CreditAll(fromSnapshot, world.Netuid, credits, world.Chain.Parameters, snapshot);
        var reading = new StateOverlay(world.Chain.State);
        StakeLedger.CreditAll(reading, world.Netuid, credits, world.Chain.Parameters);

        // Then the writes are the same, and the snapshot saw every position (a new one counts from zero)
        Assert.Equal(Written(reading), Written(fromSnapshot));
        Assert.Equal(Rao.FromTao(5), snapshot.Position(coldkeys[2], hotkeys[0]));
        Assert.Equal(Rao.Zero, snapshot.Position(coldkeys[1], hotkeys[1]));
        Assert.Equal(new[] { coldkeys[0], coldkeys[2] }.Order(), snapshot.NominatorsOn(hotkeys[0]).Select(p => p.Coldkey));
    }

    [Fact]
    public void A_stake_snapshot_of_another_subnet_is_refused()
    {
        using var world = EpochWorld.Create();
        var snapshot = SubnetStakeSnapshot.Read(world.Chain.State, (ushort)(world.Netuid + 1));

        var error = Assert.Throws<ArgumentException>(() =>
            StakeLedger.CreditAll(new StateOverlay(world.Chain.State), world.Netuid, [], world.Chain.Parameters, snapshot));

        Assert.Contains($"cannot credit subnet {world.Netuid}", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Key, string Value)> Written(StateOverlay state) =>
        state.Changes.Select(c => (Convert.ToHexString(c.Key), Convert.ToHexString(c.Value ?? [])));
}
