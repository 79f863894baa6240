using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Governance;

/// <summary>The governance module's state layout. Persisted: never reuse or renumber an item byte.</summary>
public static class GovernanceKeys
{
    /// <summary>Proposal id (big-endian u64) → <see cref="Proposal"/>.</summary>
    public static readonly byte[] ProposalPrefix = StateKey.Prefix(ModuleId.Governance, 0x01);

    /// <summary>The id the next proposal gets (u64).</summary>
    public static readonly byte[] NextProposalId = StateKey.Prefix(ModuleId.Governance, 0x02);

    /// <summary>Proposal id → its end block (u64), for pending proposals only: what the expiry hook scans.</summary>
    public static readonly byte[] PendingPrefix = StateKey.Prefix(ModuleId.Governance, 0x03);

    /// <summary>The key of proposal <paramref name="id"/>.</summary>
    public static byte[] Proposal(ulong id) => StateKey.With(ProposalPrefix, id);

    /// <summary>The pending marker of proposal <paramref name="id"/>.</summary>
    public static byte[] Pending(ulong id) => StateKey.With(PendingPrefix, id);
}
