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
        Assert.Equal(
            oneByOne.Changes.Select(c => (Convert.ToHexString(c.Key), Convert.ToHexString(c.Value ?? []))),
            together.Changes.Select(c => (Convert.ToHexString(c.Key), Convert.ToHexString(c.Value ?? []))));
    }
}
