using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.State;

namespace Agora.Runtime.Tests.Economy;

public sealed class StakingTests
{
    private static readonly byte[] NoProof = new byte[64];

    [Fact]
    public void Associating_with_a_proof_of_possession_makes_the_coldkey_the_owner_with_the_default_take()
    {
        using var chain = EconomyChain.Create();
        var (coldkey, hotkey) = (chain.Keys[3], TestChain.Key(50));

        var events = chain.Run(coldkey, new AssociateHotkeyCall(hotkey.Account, HotkeyProof.Sign(hotkey, coldkey.Account, TestChain.Genesis)));

        Assert.Contains(new HotkeyAssociated(coldkey.Account, hotkey.Account), events);
        var info = StakingState.Hotkey(chain.State, hotkey.Account);
        Assert.Equal((coldkey.Account, chain.Parameters.TakeMax), (info!.Owner, info.Take));
    }

    [Fact]
    public void A_forged_or_foreign_chain_proof_is_refused_before_inclusion()
    {
        using var chain = EconomyChain.Create();
        var (coldkey, hotkey) = (chain.Keys[3], TestChain.Key(50));
        var forged = HotkeyProof.Sign(TestChain.Key(51), coldkey.Account, TestChain.Genesis);
        var foreign = HotkeyProof.Sign(hotkey, coldkey.Account, Hash256.Of("other chain"u8));

        var (execution, results) = chain.Produce(
            chain.Sign(coldkey, new AssociateHotkeyCall(hotkey.Account, forged)),
            chain.Sign(coldkey, new AssociateHotkeyCall(hotkey.Account, foreign)));

        Assert.All(results, r => Assert.Equal((TxError.InvalidCall, ModuleId.Staking, (ushort)StakingError.BadProofOfPossession), (r!.Error, r.CallError!.Module, r.CallError.Code)));
        Assert.Empty(execution.Transactions);
        Assert.Null(StakingState.Hotkey(chain.State, hotkey.Account));
    }

    [Fact]
    public void A_hotkey_owned_by_another_coldkey_cannot_be_claimed()
    {
        using var chain = EconomyChain.Create();

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[3], new AssociateHotkeyCall(chain.Keys[0].Account, HotkeyProof.Sign(chain.Keys[0], chain.Keys[3].Account, TestChain.Genesis)),
            ModuleId.Staking, (ushort)StakingError.HotkeyOwnedByAnother);
    }

    [Fact]
    public void Add_remove_and_move_keep_every_total_in_step()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, other) = (chain.Keys[3], chain.Keys[4]);
        chain.Run(coldkey, new AssociateHotkeyCall(coldkey.Account, NoProof));
        chain.Run(other, new AssociateHotkeyCall(other.Account, NoProof));
        var freeBefore = chain.Account(coldkey.Account).Free;

        chain.Run(coldkey, new AddStakeCall(coldkey.Account, netuid, Rao.FromTao(10)));
        chain.Run(coldkey, new AddStakeCall(other.Account, netuid, Rao.FromTao(4)));
        chain.Run(coldkey, new MoveStakeCall(coldkey.Account, netuid, other.Account, 0, Rao.FromTao(3)));
        chain.Run(coldkey, new RemoveStakeCall(other.Account, netuid, new Rao(ulong.MaxValue)));

        Assert.Equal(Rao.FromTao(7), StakingState.Position(chain.State, coldkey.Account, coldkey.Account, netuid));
        Assert.Equal(Rao.FromTao(3), StakingState.Position(chain.State, coldkey.Account, other.Account, 0));
        Assert.Equal(Rao.Zero, StakingState.Position(chain.State, coldkey.Account, other.Account, netuid));
        Assert.Equal(Rao.FromTao(10), chain.Account(coldkey.Account).Staked);
        Assert.Equal(Rao.FromTao(7), Modules.Subnets.SubnetState.Economy(chain.State, netuid).TotalStake);
        Assert.Equal(Rao.FromTao(3), StakingState.Hotkey(chain.State, other.Account)!.TotalStake);
        Assert.Equal([(other.Account, (ushort)0, Rao.FromTao(3)), (coldkey.Account, netuid, Rao.FromTao(7))],
            StakingState.PositionsOf(chain.State, coldkey.Account).OrderBy(p => p.Netuid).ToArray());
        Assert.True(chain.Account(coldkey.Account).Free < freeBefore - Rao.FromTao(10), "fees were paid on top of the stake");
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Each_stake_rejection_is_included_with_its_own_error_and_changes_only_fee_and_nonce()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, unowned) = (chain.Keys[3], TestChain.Key(60).Account);
        chain.Run(coldkey, new AssociateHotkeyCall(coldkey.Account, NoProof));
        chain.Run(coldkey, new AddStakeCall(coldkey.Account, netuid, Rao.FromTao(1)));
        var min = chain.Parameters.StakeMin;

        (Call Call, StakingError Error)[] cases =
        [
            (new AddStakeCall(unowned, netuid, Rao.FromTao(1)), StakingError.HotkeyNotOwned),
            (new AddStakeCall(coldkey.Account, 9, Rao.FromTao(1)), StakingError.SubnetNotFound),
            (new AddStakeCall(chain.Keys[0].Account, netuid, min - new Rao(1)), StakingError.BelowMinimumStake),
            (new AddStakeCall(coldkey.Account, netuid, Rao.FromTao(5_000)), StakingError.InsufficientBalance),
            (new RemoveStakeCall(coldkey.Account, netuid, Rao.FromTao(2)), StakingError.InsufficientStake),
            (new RemoveStakeCall(coldkey.Account, netuid, Rao.FromTao(1) - new Rao(1)), StakingError.BelowMinimumStake),
            (new MoveStakeCall(coldkey.Account, netuid, unowned, netuid, Rao.FromTao(1)), StakingError.HotkeyNotOwned),
            (new MoveStakeCall(coldkey.Account, netuid, chain.Keys[0].Account, 0, Rao.FromTao(2)), StakingError.InsufficientStake),
            (new SetTakeCall(chain.Keys[0].Account, 100), StakingError.NotHotkeyOwner),
            (new SetTakeCall(coldkey.Account, chain.Parameters.TakeMax), StakingError.TakeUnchanged),
        ];
        foreach (var (call, error) in cases)
        {
            EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, call, ModuleId.Staking, (ushort)error);
        }
    }

    [Fact]
    public void Stateless_stake_errors_are_refused_and_never_included()
    {
        using var chain = EconomyChain.Create();
        var coldkey = chain.Keys[3];

        var (execution, results) = chain.Produce(
            chain.Sign(coldkey, new AddStakeCall(coldkey.Account, 0, Rao.Zero)),
            chain.Sign(coldkey, new MoveStakeCall(coldkey.Account, 0, coldkey.Account, 0, Rao.FromTao(1))),
            chain.Sign(coldkey, new SetTakeCall(coldkey.Account, (ushort)(chain.Parameters.TakeMax + 1))));

        Assert.Equal([StakingError.ZeroAmount, StakingError.SameSourceAndDestination, StakingError.TakeAboveMax],
            results.Select(r => (StakingError)r!.CallError!.Code).ToArray());
        Assert.Empty(execution.Transactions);
    }

    [Fact]
    public void Lowering_the_take_is_immediate_and_raising_it_waits_out_the_rate_limit()
    {
        using var chain = EconomyChain.Create();
        var coldkey = chain.Keys[3];
        chain.Run(coldkey, new AssociateHotkeyCall(coldkey.Account, NoProof));

        chain.Run(coldkey, new SetTakeCall(coldkey.Account, 5_000));
        var loweredAt = chain.BestNumber;
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, new SetTakeCall(coldkey.Account, 6_000), ModuleId.Staking, (ushort)StakingError.TakeRaiseRateLimited);
        chain.AdvanceTo(loweredAt + chain.Parameters.TakeChangeRateLimitBlocks - 1);
        var events = chain.Run(coldkey, new SetTakeCall(coldkey.Account, 6_000));

        Assert.Contains(new TakeChanged(coldkey.Account, 5_000, 6_000), events);
    }

    [Fact]
    public void Admission_refuses_a_call_that_would_fail_now_naming_the_module_error()
    {
        using var chain = EconomyChain.Create();
        var coldkey = chain.Keys[3];

        var rejection = TransactionExecutor.CheckForAdmission(
            chain.Sign(coldkey, new AddStakeCall(TestChain.Key(61).Account, 0, Rao.FromTao(1))), new StateOverlay(chain.State), chain.NextContext());

        Assert.Equal(TxError.InvalidCall, rejection!.Error);
        Assert.Equal("hotkey_not_owned", rejection.CallError!.Name);
        Assert.Contains("associate-hotkey", rejection.Message, StringComparison.Ordinal);
    }
}
