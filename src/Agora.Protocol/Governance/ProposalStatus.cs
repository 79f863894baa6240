namespace Agora.Protocol.Governance;

/// <summary>Where a proposal stands. Persisted: never renumber, only append.</summary>
public enum ProposalStatus : byte
{
    /// <summary>Open for votes.</summary>
    Pending = 0,

    /// <summary>Approved; the subnet launched.</summary>
    Approved = 1,

    /// <summary>Nays reached half the senate's stake.</summary>
    Rejected = 2,

    /// <summary>The voting window closed without a decision.</summary>
    Expired = 3,

    /// <summary>The proposer withdrew it.</summary>
    Cancelled = 4,
}
