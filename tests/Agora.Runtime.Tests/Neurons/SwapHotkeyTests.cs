using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Neurons;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.Tests.Economy;

namespace Agora.Runtime.Tests.Neurons;

public sealed class SwapHotkeyTests
{
    [Fact]
    public void A_swap_moves_ownership_registrations_and_every_nominators_stake_drops_pending_commits_and_burns_out_of_issuance()
    {
        using var chain = EconomyChain.Create();
        var netuid = EconomyChain.Launch(chain, "alpha");
        var (coldkey, nominator) = (NeuronsChain.Coldkey(chain), chain.Keys[4]);
        var (oldHotkey, newHotkey) = (NeuronsChain.Hotkey(0), NeuronsChain.Hotkey(1));
        var uid = NeuronsChain.Register(chain, coldkey, oldHotkey, netuid);
        var registeredAt = chain.BestNumber;
        chain.Run(coldkey, new SetTakeCall(oldHotkey.Account, 5_000));
        chain.Run(coldkey, new AddStakeCall(oldHotkey.Account, netuid, Rao.FromTao(3)));
        chain.Run(coldkey, new AddStakeCall(oldHotkey.Account, 0, Rao.FromTao(2)));
        chain.Run(nominator, new AddStakeCall(oldHotkey.Account, netuid, Rao.FromTao(4)));
        var commits = new PendingCommits([new WeightCommit(Hash256.Of("w"u8), 5, 1)]);
        NeuronsChain.Edit(chain, state => WeightsState.SetCommits(state, netuid, oldHotkey.Account, commits));
        var before = StakingState.Hotkey(chain.State, oldHotkey.Account)!;
        var (coldStaked, nominatorStaked) = (chain.Account(coldkey.Account).Staked, chain.Account(nominator.Account).Staked);
        var subnetTotal = SubnetState.Economy(chain.State, netuid).TotalStake;
        var issuanceBefore = NeuronsChain.Issuance(chain);
        var transaction = chain.Sign(coldkey, new SwapHotkeyCall(oldHotkey.Account, newHotkey.Account, NeuronsChain.Proof(newHotkey, coldkey.Account)));
        var fee = Modules.Balances.Fees.Compute(transaction, chain.Parameters);

        var (execution, results) = chain.Produce(transaction);

        Assert.Null(results[0]);
        var burn = chain.Parameters.SwapHotkeyBurn;
        Assert.Contains(new HotkeySwapped(coldkey.Account, oldHotkey.Account, newHotkey.Account, burn), execution.Events.Select(e => e.Event));
        var minted = execution.Events.Select(e => e.Event).OfType<Protocol.Emission.EmissionMinted>().Single().Amount;
        Assert.Equal(issuanceBefore + minted - fee - burn, NeuronsChain.Issuance(chain));
        Assert.Equal(0, chain.InvariantGap());

        Assert.Equal(before, StakingState.Hotkey(chain.State, newHotkey.Account));
        Assert.Equal(Rao.FromTao(9), before.TotalStake);
        Assert.Equal(Rao.FromTao(3), StakingState.Position(chain.State, coldkey.Account, newHotkey.Account, netuid));
        Assert.Equal(Rao.FromTao(2), StakingState.Position(chain.State, coldkey.Account, newHotkey.Account, 0));
        Assert.Equal(Rao.FromTao(4), StakingState.Position(chain.State, nominator.Account, newHotkey.Account, netuid));
        Assert.Equal(Rao.FromTao(7), StakingState.HotkeyStakeOn(chain.State, newHotkey.Account, netuid));
        Assert.Equal(Rao.FromTao(9).Value, chain.Read(StakingKeys.SenateCandidate(newHotkey.Account)));
        Assert.Equal((coldStaked, nominatorStaked), (chain.Account(coldkey.Account).Staked, chain.Account(nominator.Account).Staked));
        Assert.Equal(subnetTotal, SubnetState.Economy(chain.State, netuid).TotalStake);

        Assert.Equal(new NeuronInfo(newHotkey.Account, registeredAt), NeuronState.Neuron(chain.State, netuid, uid));
        Assert.Equal(uid, NeuronState.UidOf(chain.State, netuid, newHotkey.Account));
        Assert.Equal([(netuid, uid)], NeuronState.RegistrationsOf(chain.State, newHotkey.Account).ToArray());
        Assert.True(WeightsState.Commits(chain.State, netuid, newHotkey.Account).Commits.IsEmpty, "a commit binds the hotkey that made it, so the new one could never reveal it");

        // The old hotkey is left with nothing.
        Assert.Null(StakingState.Hotkey(chain.State, oldHotkey.Account));
        Assert.Empty(StakingState.SubnetsOf(chain.State, oldHotkey.Account));
        Assert.Empty(StakingState.NominatorsOn(chain.State, netuid, oldHotkey.Account));
        Assert.Empty(NeuronState.RegistrationsOf(chain.State, oldHotkey.Account));
        Assert.Null(NeuronState.UidOf(chain.State, netuid, oldHotkey.Account));
        Assert.True(WeightsState.Commits(chain.State, netuid, oldHotkey.Account).Commits.IsEmpty);
        Assert.Null(chain.State.Get(StakingKeys.SenateCandidate(oldHotkey.Account)));
    }

    [Fact]
    public void A_coldkey_may_swap_to_itself_as_the_new_hotkey_without_a_separate_proof()
    {
        using var chain = EconomyChain.Create();
        var coldkey = NeuronsChain.Coldkey(chain);
        var oldHotkey = NeuronsChain.Hotkey(0);
        chain.Run(coldkey, new AssociateHotkeyCall(oldHotkey.Account, NeuronsChain.Proof(oldHotkey, coldkey.Account)));

        chain.Run(coldkey, new SwapHotkeyCall(oldHotkey.Account, coldkey.Account, new byte[64]));

        Assert.Equal(coldkey.Account, StakingState.Hotkey(chain.State, coldkey.Account)!.Owner);
        Assert.Null(StakingState.Hotkey(chain.State, oldHotkey.Account));
    }

    [Fact]
    public void Each_swap_refusal_is_included_with_its_own_error_and_changes_only_fee_and_nonce()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SwapHotkeyBurn = Rao.FromTao(5_000) });
        var coldkey = NeuronsChain.Coldkey(chain);
        var (mine, fresh, unowned) = (NeuronsChain.Hotkey(0), NeuronsChain.Hotkey(1), NeuronsChain.Hotkey(2));
        chain.Run(coldkey, new AssociateHotkeyCall(mine.Account, NeuronsChain.Proof(mine, coldkey.Account)));
        SwapHotkeyCall Swap(AccountId from, Core.Crypto.KeyPair to) => new(from, to.Account, NeuronsChain.Proof(to, coldkey.Account));

        (SwapHotkeyCall Call, NeuronsError Error)[] cases =
        [
            (Swap(unowned.Account, fresh), NeuronsError.NotHotkeyOwner),
            (Swap(chain.Keys[0].Account, fresh), NeuronsError.NotHotkeyOwner),
            (Swap(mine.Account, chain.Keys[1]), NeuronsError.NewHotkeyOwned),
            (Swap(mine.Account, fresh), NeuronsError.InsufficientBalance),
        ];
        foreach (var (call, error) in cases)
        {
            EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, coldkey, call, ModuleId.Neurons, (ushort)error);
        }

        Assert.Equal(coldkey.Account, StakingState.Hotkey(chain.State, mine.Account)!.Owner);
    }

    [Fact]
    public void A_swap_to_the_same_hotkey_or_with_a_proof_not_from_the_new_hotkey_is_refused_before_inclusion()
    {
        using var chain = EconomyChain.Create();
        var coldkey = NeuronsChain.Coldkey(chain);
        var (mine, fresh) = (NeuronsChain.Hotkey(0), NeuronsChain.Hotkey(1));
        chain.Run(coldkey, new AssociateHotkeyCall(mine.Account, NeuronsChain.Proof(mine, coldkey.Account)));

        var (execution, results) = chain.Produce(
            chain.Sign(coldkey, new SwapHotkeyCall(mine.Account, mine.Account, NeuronsChain.Proof(mine, coldkey.Account))),
            chain.Sign(coldkey, new SwapHotkeyCall(mine.Account, fresh.Account, NeuronsChain.Proof(mine, coldkey.Account))));

        Assert.Equal([(TxError.InvalidCall, NeuronsError.SameHotkey), (TxError.InvalidCall, NeuronsError.BadProofOfPossession)],
            results.Select(r => (r!.Error, (NeuronsError)r.CallError!.Code)).ToArray());
        Assert.Empty(execution.Transactions);
    }

    [Fact]
    public void The_pool_reserves_the_swap_burn()
    {
        using var chain = EconomyChain.Create();
        var coldkey = NeuronsChain.Coldkey(chain);
        var handler = chain.NextContext().Rules.Handler(CallTag.SwapHotkey)!;

        var spend = handler.PayerSpendMax(new SwapHotkeyCall(coldkey.Account, NeuronsChain.Hotkey(1).Account, new byte[64]), coldkey.Account, chain.State, chain.NextContext());

        Assert.Equal(chain.Parameters.SwapHotkeyBurn, spend);
    }
}
