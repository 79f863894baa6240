using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Governance;

/// <summary>
/// Executes <see cref="VoteCall"/>: records the senate hotkey's vote (changeable while pending) and tallies with the
/// current stakes of the voters still in the senate. Aye stake above half the senate's launches the subnet in this
/// block; nay stake at half or more rejects the proposal and returns its lock.
/// </summary>
public sealed class VoteHandler : CallHandler<VoteCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.Vote;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Governance;

    /// <inheritdoc />
    public override CallSigner Signer => CallSigner.Hotkey;

    /// <inheritdoc />
    protected override CallError? Execute(VoteCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var hotkey = context.Sender;
        var parameters = context.Block.Parameters;
        var proposal = GovernanceState.Proposal(state, call.ProposalId);
        if (ProposalRules.CheckPending(proposal, call.ProposalId) is { } notPending)
        {
            return notPending;
        }

        var senate = Senate.Members(state, parameters);
        if (!senate.Any(member => member.Hotkey == hotkey))
        {
            return GovernanceError.NotInSenate.Because($"hotkey {hotkey} is not among the senate's {senate.Count} members; see `agora senate list`");
        }

        var voted = (call.Aye ? proposal!.Ayes : proposal!.Nays).Contains(hotkey);
        if (voted)
        {
            return GovernanceError.DuplicateVote.Because($"hotkey {hotkey} already voted {(call.Aye ? "aye" : "nay")} on proposal {proposal.Id}");
        }

        var ayes = proposal.Ayes.Where(a => a != hotkey).ToList();
        var nays = proposal.Nays.Where(a => a != hotkey).ToList();
        (call.Aye ? ayes : nays).Add(hotkey);
        var ayeStake = StakeOf(senate, ayes);
        var nayStake = StakeOf(senate, nays);
        var senateStake = senate.Aggregate(Rao.Zero, (sum, member) => sum + member.Stake);
        var tallied = proposal with { Ayes = ayes, Nays = nays, AyeStake = ayeStake, NayStake = nayStake };
        var now = context.Block.Number;

        if ((UInt128)ayeStake.Value * 2 > senateStake.Value)
        {
            var launched = SubnetLauncher.Launch(state, tallied, now, parameters, out var launchEvents);
            if (launched is not null)
            {
                return launched;
            }

            GovernanceState.Save(state, tallied with { Status = ProposalStatus.Approved, DecidedAt = now, Netuid = launchEvents.OfType<SubnetLaunched>().Single().Netuid });
            events.Add(new Voted(proposal.Id, hotkey, call.Aye, ayeStake, nayStake, senateStake));
            foreach (var launchEvent in launchEvents)
            {
                events.Add(launchEvent);
            }

            return null;
        }

        events.Add(new Voted(proposal.Id, hotkey, call.Aye, ayeStake, nayStake, senateStake));
        if ((UInt128)nayStake.Value * 2 >= senateStake.Value)
        {
            Reserves.Unreserve(state, proposal.Proposer, proposal.Lock);
            GovernanceState.Save(state, tallied with { Status = ProposalStatus.Rejected, DecidedAt = now });
            events.Add(new ProposalRejected(proposal.Id, ayeStake, nayStake));
            return null;
        }

        GovernanceState.Save(state, tallied);
        return null;
    }

    private static Rao StakeOf(IReadOnlyList<(AccountId Hotkey, Rao Stake)> senate, List<AccountId> voters) =>
        senate.Where(member => voters.Contains(member.Hotkey)).Aggregate(Rao.Zero, (sum, member) => sum + member.Stake);
}
