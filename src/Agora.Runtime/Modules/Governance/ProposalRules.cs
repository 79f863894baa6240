using Agora.Protocol.Governance;
using Agora.Protocol.Modules;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Checks the governance calls share.</summary>
internal static class ProposalRules
{
    /// <summary>Null when <paramref name="proposal"/> (read for id <paramref name="id"/>) exists and is pending.</summary>
    public static CallError? CheckPending(Proposal? proposal, ulong id)
    {
        if (proposal is null)
        {
            return GovernanceError.ProposalNotFound.Because($"no proposal has id {id}; see `agora subnets proposals`");
        }

        return proposal.Status == ProposalStatus.Pending
            ? null
            : GovernanceError.ProposalNotPending.Because($"proposal {id} is {proposal.Status.ToString().ToLowerInvariant()} since block {proposal.DecidedAt}");
    }
}
