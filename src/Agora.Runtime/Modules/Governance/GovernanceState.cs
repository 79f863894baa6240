using Agora.Protocol.Governance;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Governance;

/// <summary>Typed reads and writes of proposals.</summary>
public static class GovernanceState
{
    /// <summary>Proposal <paramref name="id"/>, or null.</summary>
    public static Proposal? Proposal(IStateReader state, ulong id) =>
        state.Get(GovernanceKeys.Proposal(id)) is { } bytes ? Governance.Proposal.Decode(bytes) : null;

    /// <summary>Every proposal, oldest first.</summary>
    public static IEnumerable<Proposal> Proposals(IStateReader state) =>
        state.Iterate(GovernanceKeys.ProposalPrefix).Select(entry => Governance.Proposal.Decode(entry.Value));

    /// <summary>The pending proposals' ids with their end blocks, oldest first.</summary>
    public static IEnumerable<(ulong Id, ulong EndBlock)> Pending(IStateReader state) =>
        state.Iterate(GovernanceKeys.PendingPrefix).Select(entry => (StateKey.U64At(entry.Key, GovernanceKeys.PendingPrefix.Length), StateReading.DecodeU64(entry.Value)));

    /// <summary>Stores <paramref name="proposal"/> and keeps the pending index in step with its status.</summary>
    public static void Save(StateOverlay state, Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        state.Set(GovernanceKeys.Proposal(proposal.Id), proposal.Encode());
        if (proposal.Status == ProposalStatus.Pending)
        {
            state.SetU64(GovernanceKeys.Pending(proposal.Id), proposal.EndBlock);
        }
        else
        {
            state.Delete(GovernanceKeys.Pending(proposal.Id));
        }
    }
}
