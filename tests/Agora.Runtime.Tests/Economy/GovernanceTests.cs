using Agora.Core.Primitives;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Runtime.Tests.Economy;

public sealed class GovernanceTests
{
    [Fact]
    public void Senate_is_the_top_hotkeys_by_total_stake_above_the_minimum_ties_by_bytes()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SenateSize = 2 });

        var senate = Senate.Members(chain.State, chain.Parameters);

        var expected = chain.Keys.Take(3).Select(k => k.Account).Order(AccountOrder.Instance).Take(2).ToArray();
        Assert.Equal(expected, senate.Select(m => m.Hotkey).ToArray());
        Assert.All(senate, m => Assert.Equal(Rao.FromTao(100), m.Stake));
    }

    [Fact]
    public void Hotkeys_below_the_senate_minimum_stay_out_of_the_index_the_senate_reads()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SenateStakeMin = Rao.FromTao(50) });
        var staker = chain.Keys[3];
        chain.Run(staker, new AssociateHotkeyCall(staker.Account, new byte[64]));
        for (var i = 0; i < 20; i++)
        {
            var hotkey = TestChain.Key(100 + i);
            chain.Run(staker, new AssociateHotkeyCall(hotkey.Account, HotkeyProof.Sign(hotkey, staker.Account, TestChain.Genesis)));
            chain.Run(staker, new AddStakeCall(hotkey.Account, 0, Rao.FromTao(1)));
        }

        chain.Run(staker, new AddStakeCall(staker.Account, 0, Rao.FromTao(60)));
        Assert.Equal(4, chain.State.Iterate(StakingKeys.SenateCandidatePrefix).Count());
        chain.Run(staker, new RemoveStakeCall(staker.Account, 0, Rao.FromTao(20)));

        Assert.Equal(3, chain.State.Iterate(StakingKeys.SenateCandidatePrefix).Count());
        Assert.DoesNotContain(Senate.Members(chain.State, chain.Parameters), m => m.Hotkey == staker.Account);
    }

    [Fact]
    public void A_proposal_reserves_the_lock_and_launches_when_aye_stake_passes_half_the_senate()
    {
        using var chain = EconomyChain.Create();
        var proposer = chain.Keys[3];
        var lockCost = SubnetState.Lock(chain.State).CostAt(chain.BestNumber + 1, chain.Parameters);
        var proposed = chain.Run(proposer, new ProposeSubnetCall("vision", "image labels", proposer.Account, [new(HyperparameterId.Tempo, 99)])).OfType<SubnetProposed>().Single();
        Assert.Equal(lockCost, chain.Account(proposer.Account).Reserved);

        var first = chain.Run(chain.Keys[0], new VoteCall(proposed.ProposalId, true)).OfType<Voted>().Single();
        chain.Run(chain.Keys[1], new VoteCall(proposed.ProposalId, false));
        var launch = chain.Run(chain.Keys[2], new VoteCall(proposed.ProposalId, true));

        Assert.Equal((Rao.FromTao(100), Rao.FromTao(300)), (first.AyeStake, first.SenateStake));
        var launched = launch.OfType<SubnetLaunched>().Single();
        Assert.Equal((1, "vision", proposer.Account, lockCost), (launched.Netuid, launched.SubnetName, launched.Owner, launched.Lock));
        Assert.Equal(99UL, SubnetState.HyperparametersOf(chain.State, 1)!.Tempo);
        Assert.Equal(lockCost, chain.Account(proposer.Account).Reserved);
        var stored = GovernanceState.Proposal(chain.State, proposed.ProposalId)!;
        Assert.Equal((ProposalStatus.Approved, (ushort?)1), (stored.Status, stored.Netuid));
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Votes_are_refused_from_outside_the_senate_twice_the_same_and_on_decided_proposals()
    {
        using var chain = EconomyChain.Create();
        var proposer = chain.Keys[3];
        chain.Run(chain.Keys[4], new AssociateHotkeyCall(chain.Keys[4].Account, new byte[64]));
        var id = chain.Run(proposer, new ProposeSubnetCall("vision", "", proposer.Account, [])).OfType<SubnetProposed>().Single().ProposalId;

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[4], new VoteCall(id, true), ModuleId.Governance, (ushort)GovernanceError.NotInSenate);
        chain.Run(chain.Keys[0], new VoteCall(id, true));
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[0], new VoteCall(id, true), ModuleId.Governance, (ushort)GovernanceError.DuplicateVote);
        chain.Run(chain.Keys[1], new VoteCall(id, true));
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[2], new VoteCall(id, false), ModuleId.Governance, (ushort)GovernanceError.ProposalNotPending);
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[0], new VoteCall(77, true), ModuleId.Governance, (ushort)GovernanceError.ProposalNotFound);
    }

    [Fact]
    public void A_hotkey_vote_is_paid_by_its_owner_and_an_unowned_hotkey_cannot_vote()
    {
        using var chain = EconomyChain.Create();
        var (owner, hotkey) = (chain.Keys[3], TestChain.Key(70));
        chain.Run(owner, new AssociateHotkeyCall(hotkey.Account, HotkeyProof.Sign(hotkey, owner.Account, TestChain.Genesis)));
        var id = chain.Run(owner, new ProposeSubnetCall("vision", "", owner.Account, [])).OfType<SubnetProposed>().Single().ProposalId;

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, hotkey, new VoteCall(id, true), ModuleId.Governance, (ushort)GovernanceError.NotInSenate, payer: owner.Account);
        var (_, results) = chain.Produce(chain.Sign(TestChain.Key(71), new VoteCall(id, true)));

        Assert.Equal(Protocol.Transactions.TxError.PayerUnknown, results[0]?.Error);
        Assert.Equal(Rao.Zero, chain.Account(hotkey.Account).Free);
    }

    [Fact]
    public void Nays_at_half_reject_and_cancel_and_expiry_return_the_lock()
    {
        using var chain = EconomyChain.Create();
        var proposer = chain.Keys[3];
        var free = chain.Account(proposer.Account).Free;
        ulong Propose(string name) => chain.Run(proposer, new ProposeSubnetCall(name, "", proposer.Account, [])).OfType<SubnetProposed>().Single().ProposalId;

        var rejected = Propose("one");
        chain.Run(chain.Keys[0], new VoteCall(rejected, false));
        var rejection = chain.Run(chain.Keys[1], new VoteCall(rejected, false)).OfType<ProposalRejected>().Single();
        var cancelled = Propose("two");
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, chain.Keys[4], new CancelProposalCall(cancelled), ModuleId.Governance, (ushort)GovernanceError.NotProposer);
        chain.Run(proposer, new CancelProposalCall(cancelled));
        var expiring = Propose("three");
        var end = GovernanceState.Proposal(chain.State, expiring)!.EndBlock;
        chain.AdvanceTo(end);
        Assert.Equal(ProposalStatus.Pending, GovernanceState.Proposal(chain.State, expiring)!.Status);
        var (expiry, _) = chain.Produce();

        Assert.Equal(Rao.FromTao(200), rejection.NayStake);
        Assert.Contains(expiry.Events, e => e.Event is ProposalExpired { ProposalId: var id } && id == expiring);
        Assert.Equal([ProposalStatus.Rejected, ProposalStatus.Cancelled, ProposalStatus.Expired],
            GovernanceState.Proposals(chain.State).Select(p => p.Status).ToArray());
        Assert.Equal(Rao.Zero, chain.Account(proposer.Account).Reserved);
        Assert.True(free - chain.Account(proposer.Account).Free < Rao.FromTao(1), "only fees are gone");
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Lock_cost_doubles_on_a_launch_and_decays_back_to_the_minimum()
    {
        var parameters = ChainParameters.Development;
        var before = new LockState(Rao.Zero, 0, false);
        var launched = new LockState(Rao.FromTao(100), 1_000, true);

        Assert.Equal(Rao.FromTao(100), before.CostAt(5, parameters));
        Assert.Equal(Rao.FromTao(200), launched.CostAt(1_000, parameters));
        Assert.Equal(Rao.FromTao(150), launched.CostAt(1_500, parameters));
        Assert.Equal(Rao.FromTao(100), launched.CostAt(2_000, parameters));
        Assert.Equal(Rao.FromTao(100), launched.CostAt(90_000, parameters));
        Assert.Equal(Rao.FromTao(400), new LockState(Rao.FromTao(200), 7, true).CostAt(7, parameters));
    }

    [Fact]
    public void A_full_chain_replaces_the_lowest_ema_subnet_past_immunity_and_returns_its_stake()
    {
        using var chain = EconomyChain.Create(ChainParameters.Development with { SubnetCountMax = 2, SenateStakeMin = Rao.FromTao(1) });
        var staker = chain.Keys[3];
        var first = EconomyChain.Launch(chain, "first");
        var second = EconomyChain.Launch(chain, "second");
        chain.Run(staker, new AssociateHotkeyCall(staker.Account, new byte[64]));
        chain.Run(staker, new AddStakeCall(staker.Account, first, Rao.FromTao(5)));
        chain.Run(staker, new AddStakeCall(staker.Account, second, Rao.FromTao(50)));
        chain.AdvanceTo(chain.BestNumber + chain.Parameters.SubnetImmunityBlocks);
        var stakedBefore = chain.Account(staker.Account).Staked;

        var proposal = chain.Run(chain.Keys[0], new ProposeSubnetCall("third", "", chain.Keys[0].Account, [])).OfType<SubnetProposed>().Single();
        chain.Run(chain.Keys[0], new VoteCall(proposal.ProposalId, true));
        var launch = chain.Run(chain.Keys[1], new VoteCall(proposal.ProposalId, true));

        Assert.Equal((ushort?)first, proposal.ReplacesNetuid);
        var gone = launch.OfType<SubnetDeregistered>().Single();
        Assert.Equal((first, 1U, Rao.FromTao(5), DeregistrationReason.ReplacedByProposal), (gone.Netuid, gone.Rank, gone.StakeReturned, gone.Reason));
        Assert.Equal(first, launch.OfType<SubnetLaunched>().Single().Netuid);
        Assert.Equal("third", SubnetState.Info(chain.State, first)!.Name);
        Assert.Equal(stakedBefore - Rao.FromTao(5), chain.Account(staker.Account).Staked);
        Assert.Empty(StakingState.PositionsOn(chain.State, first));
        Assert.Equal(0, chain.InvariantGap());
    }

    [Fact]
    public void Bad_proposals_are_refused_with_their_own_errors()
    {
        using var chain = EconomyChain.Create();
        var proposer = chain.Keys[3];
        var (execution, results) = chain.Produce(
            chain.Sign(proposer, new ProposeSubnetCall(" padded", "", proposer.Account, [])),
            chain.Sign(proposer, new ProposeSubnetCall("ok", "", proposer.Account, [new(HyperparameterId.Tempo, 5)])),
            chain.Sign(proposer, new ProposeSubnetCall("ok", "", proposer.Account, [new(HyperparameterId.Kappa, 1), new(HyperparameterId.Kappa, 2)])),
            chain.Sign(proposer, new ProposeSubnetCall("ok", "", proposer.Account, [new(HyperparameterId.AlphaLow, 60_000)])));

        Assert.Equal([GovernanceError.InvalidName, GovernanceError.InvalidOverride, GovernanceError.InvalidOverride, GovernanceError.InvalidOverride],
            results.Select(r => (GovernanceError)r!.CallError!.Code).ToArray());
        Assert.Empty(execution.Transactions);

        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(chain, proposer, new ProposeSubnetCall("ok", "", chain.Keys[0].Account, []), ModuleId.Governance, (ushort)GovernanceError.OwnerHotkeyNotOwned);
        using var poor = EconomyChain.Create(ChainParameters.Development with { SubnetLockMin = Rao.FromTao(5_000) });
        EconomyChain.AssertFailsLeavingOnlyFeeAndNonce(poor, poor.Keys[3], new ProposeSubnetCall("ok", "", poor.Keys[3].Account, []), ModuleId.Governance, (ushort)GovernanceError.InsufficientBalanceForLock);
    }
}
