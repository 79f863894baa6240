using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class RegistrationTests
{
    [Fact]
    public void Registering_burns_the_burn_out_of_issuance_and_gives_an_owned_hotkey_the_next_uid_with_a_clean_start()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, hotkey) = (NeuronsChain.Coldkey(chain), NeuronsChain.Hotkey(0));
        var burn = NeuronState.Registration(chain.State, netuid, chain.Parameters).Burn;
        var (freeBefore, issuanceBefore) = (chain.Account(coldkey.Account).Free, NeuronsChain.Issuance(chain));
        var transaction = chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, hotkey, netuid));
        var fee = Fees.Compute(transaction, chain.Parameters);

        var (execution, results) = chain.Produce(transaction);

        Assert.Null(results[0]);
        var block = chain.BestNumber;
        var events = execution.Events.Where(e => e.TransactionIndex == 0).Select(e => e.Event).ToArray();
        Assert.Contains(new HotkeyAssociated(coldkey.Account, hotkey.Account), events);
        Assert.Contains(new NeuronRegistered(netuid, 0, hotkey.Account, coldkey.Account, burn), events);
        Assert.Equal(chain.Parameters.RegistrationBurnStart, burn);
        Assert.Equal(freeBefore - fee - burn, chain.Account(coldkey.Account).Free);
        Assert.Equal(issuanceBefore - fee - burn, NeuronsChain.Issuance(chain));
        Assert.Equal(0, chain.InvariantGap());

        Assert.Equal((ushort)1, NeuronState.Count(chain.State, netuid));
        Assert.Equal(new NeuronInfo(hotkey.Account, block), NeuronState.Neuron(chain.State, netuid, 0));
        Assert.Equal((ushort)0, NeuronState.UidOf(chain.State, netuid, hotkey.Account));
        Assert.Equal([(netuid, (ushort)0)], NeuronState.RegistrationsOf(chain.State, hotkey.Account).ToArray());
        Assert.Equal(block, WeightsState.LastUpdate(chain.State, netuid, 0));
        Assert.True(WeightsState.Row(chain.State, netuid, 0).IsEmpty);
        Assert.Null(NeuronState.Axon(chain.State, netuid, 0));
        Assert.Equal(new RegistrationState(burn, 1, block, 1), NeuronState.Registration(chain.State, netuid, chain.Parameters));
        var owner = StakingState.Hotkey(chain.State, hotkey.Account)!;
        Assert.Equal((coldkey.Account, chain.Parameters.TakeMax, Rao.Zero), (owner.Owner, owner.Take, owner.TotalStake));
    }

    [Fact]
    public void Later_registrations_take_the_next_uids_and_an_owned_hotkey_or_the_coldkey_itself_needs_no_new_association()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var coldkey = NeuronsChain.Coldkey(chain);
        var owned = NeuronsChain.Hotkey(1);
        chain.Run(coldkey, new AssociateHotkeyCall(owned.Account, NeuronsChain.Proof(owned, coldkey.Account)));

        var first = NeuronsChain.Register(chain, coldkey, NeuronsChain.Hotkey(0), netuid);
        var secondEvents = chain.Run(coldkey, NeuronsChain.RegisterCall(coldkey, owned, netuid));
        var thirdEvents = chain.Run(coldkey, new BurnedRegisterCall(netuid, coldkey.Account, new byte[64]));

        Assert.Equal(0, first);
        Assert.Equal((ushort)1, secondEvents.OfType<NeuronRegistered>().Single().Uid);
        Assert.Empty(secondEvents.OfType<HotkeyAssociated>());
        Assert.Equal((ushort)2, thirdEvents.OfType<NeuronRegistered>().Single().Uid);
        Assert.Equal(coldkey.Account, StakingState.Hotkey(chain.State, coldkey.Account)!.Owner);
        Assert.Equal((ushort)3, NeuronState.Count(chain.State, netuid));
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Each_registration_refusal_is_included_with_its_own_error_and_changes_only_fee_and_nonce()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var coldkey = NeuronsChain.Coldkey(chain);
        var registered = NeuronsChain.Hotkey(0);
        NeuronsChain.Register(chain, coldkey, registered, netuid);
        var othersHotkey = chain.Keys[0];

        (BurnedRegisterCall Call, NeuronsError Error)[] cases =
        [
            (NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(1), 9), NeuronsError.SubnetNotFound),
            (NeuronsChain.RegisterCall(coldkey, othersHotkey, netuid), NeuronsError.HotkeyOwnedByAnother),
            (NeuronsChain.RegisterCall(coldkey, registered, netuid), NeuronsError.AlreadyRegistered),
        ];
        foreach (var (call, error) in cases)
        {
            EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, call, ModuleId.Neurons, (ushort)error);
        }

        // The next block has taken its one registration already.
        NeuronsChain.Edit(chain, state => NeuronState.SetRegistration(state, netuid,
            NeuronState.Registration(state, netuid, chain.Parameters) with { Block = chain.BestNumber + 1, RegistrationsThisBlock = 1 }));
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(2), netuid),
            ModuleId.Neurons, (ushort)NeuronsError.TooManyRegistrationsThisBlock);

        NeuronsChain.Edit(chain, state => NeuronState.SetRegistration(state, netuid, new RegistrationState(Rao.FromTao(5_000), 0, 0, 0)));
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(3), netuid),
            ModuleId.Neurons, (ushort)NeuronsError.InsufficientBalance);
    }

    [Fact]
    public void Two_registrations_in_one_block_meet_the_per_block_limit_of_one()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var coldkey = NeuronsChain.Coldkey(chain);
        var nonce = chain.Account(coldkey.Account).Nonce;

        var (execution, results) = chain.Produce(
            chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(0), netuid), nonce),
            chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(1), netuid), nonce + 1));

        Assert.All(results, Assert.Null);
        var failed = execution.Events.Where(e => e.TransactionIndex == 1).Select(e => e.Event).OfType<Protocol.System.CallFailed>().Single();
        Assert.Equal((ModuleId.Neurons, (ushort)NeuronsError.TooManyRegistrationsThisBlock), (failed.Module, failed.Error));
        Assert.Equal((ushort)1, NeuronState.Count(chain.State, netuid));
        Assert.Null(NeuronState.UidOf(chain.State, netuid, NeuronsChain.Hotkey(1).Account));
    }

    [Fact]
    public void Registering_on_the_root_subnet_or_with_a_forged_proof_is_refused_before_inclusion()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, hotkey) = (NeuronsChain.Coldkey(chain), NeuronsChain.Hotkey(0));
        var forged = NeuronsChain.Proof(NeuronsChain.Hotkey(1), coldkey.Account);

        var (execution, results) = chain.Produce(
            chain.Sign(coldkey, NeuronsChain.RegisterCall(coldkey, hotkey, 0)),
            chain.Sign(coldkey, new BurnedRegisterCall(netuid, hotkey.Account, forged)));

        Assert.Equal([(TxError.InvalidCall, NeuronsError.RootSubnet), (TxError.InvalidCall, NeuronsError.BadProofOfPossession)],
            results.Select(r => (r!.Error, (NeuronsError)r.CallError!.Code)).ToArray());
        Assert.Empty(execution.Transactions);
        Assert.Null(StakingState.Hotkey(chain.State, hotkey.Account));
    }

    [Fact]
    public void The_pool_reserves_the_current_burn_for_a_registration()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var coldkey = NeuronsChain.Coldkey(chain);
        NeuronsChain.Edit(chain, state => NeuronState.SetRegistration(state, netuid, new RegistrationState(Rao.FromTao(3), 0, 0, 0)));
        var handler = chain.NextContext().Rules.Handler(CallTag.BurnedRegister)!;

        var spend = handler.PayerSpendMax(NeuronsChain.RegisterCall(coldkey, NeuronsChain.Hotkey(0), netuid), coldkey.Account, chain.State, chain.NextContext());

        Assert.Equal(Rao.FromTao(3), spend);
    }

    [Fact]
    public void Earlier_runtime_versions_do_not_accept_neuron_calls()
    {
        using var chain = EconomyChain.Create();
        var context = chain.NextContext() with { RuntimeVersion = RuntimeVersion.Economy };

        Assert.All(new[] { CallTag.BurnedRegister, CallTag.SwapHotkey, CallTag.ServeAxon }, tag => Assert.Null(context.Rules.Handler(tag)));
        Assert.DoesNotContain(context.Rules.Hooks, hook => hook is BurnAdjustment);
    }
}
