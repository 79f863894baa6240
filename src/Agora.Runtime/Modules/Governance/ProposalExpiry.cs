using Agora.Protocol.Events;
using Agora.Protocol.Governance;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Closes proposals whose voting window ended before this block and returns their locks.</summary>
public sealed class ProposalExpiry : IBlockHook
{
    /// <inheritdoc />
    public void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (id, endBlock) in GovernanceState.Pending(state).ToArray())
        {
            if (endBlock >= context.Number)
            {
                continue;
            }

            var proposal = GovernanceState.Proposal(state, id) ?? throw new InvalidOperationException($"pending proposal {id} has no record");
            Reserves.Unreserve(state, proposal.Proposer, proposal.Lock);
            GovernanceState.Save(state, proposal with { Status = ProposalStatus.Expired, DecidedAt = context.Number });
            events.Add(new ProposalExpired(id, proposal.Proposer, proposal.Lock));
        }
    }
}
