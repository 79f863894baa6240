using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Executes <see cref="CancelProposalCall"/>.</summary>
public sealed class CancelProposalHandler : CallHandler<CancelProposalCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.CancelProposal;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Governance;

    /// <inheritdoc />
    protected override CallError? Execute(CancelProposalCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var proposal = GovernanceState.Proposal(state, call.ProposalId);
        if (ProposalRules.CheckPending(proposal, call.ProposalId) is { } notPending)
        {
            return notPending;
        }

        if (proposal!.Proposer != context.Sender)
        {
            return GovernanceError.NotProposer.Because($"only the proposer {proposal.Proposer} may cancel proposal {proposal.Id}");
        }

        Reserves.Unreserve(state, proposal.Proposer, proposal.Lock);
        GovernanceState.Save(state, proposal with { Status = ProposalStatus.Cancelled, DecidedAt = context.Block.Number });
        events.Add(new ProposalCancelled(proposal.Id, proposal.Proposer, proposal.Lock));
        return null;
    }
}
