namespace Agora.Protocol.Governance;

/// <summary>Why a governance call failed. Persisted in events: never renumber, only append.</summary>
public enum GovernanceError : ushort
{
    /// <summary>The subnet name is empty, too long or has characters outside printable ASCII.</summary>
    InvalidName = 1,

    /// <summary>The description is longer than allowed.</summary>
    DescriptionTooLong = 2,

    /// <summary>The owner hotkey is neither the proposer nor a hotkey the proposer owns.</summary>
    OwnerHotkeyNotOwned = 3,

    /// <summary>The proposer's free balance does not cover the lock cost.</summary>
    InsufficientBalanceForLock = 4,

    /// <summary>The chain already holds the most pending proposals it allows.</summary>
    TooManyPendingProposals = 5,

    /// <summary>A subnet launched too recently.</summary>
    LaunchRateLimited = 6,

    /// <summary>All subnet slots are taken and no subnet is past its immunity to be replaced.</summary>
    NoSubnetToReplace = 7,

    /// <summary>No proposal has this id.</summary>
    ProposalNotFound = 8,

    /// <summary>The proposal is already decided, expired or cancelled.</summary>
    ProposalNotPending = 9,

    /// <summary>The voting hotkey is not in the senate.</summary>
    NotInSenate = 10,

    /// <summary>The sender is not the proposer.</summary>
    NotProposer = 11,

    /// <summary>A hyperparameter override is unknown, repeated or out of bounds.</summary>
    InvalidOverride = 12,

    /// <summary>The hotkey already cast this same vote.</summary>
    DuplicateVote = 13,
}
