namespace Agora.Protocol.Weights;

/// <summary>Why a weights call failed (set, commit, reveal). Persisted in events: never renumber, only append.</summary>
public enum WeightsError : ushort
{
    /// <summary>No subnet (netuid ≥ 1) has this netuid.</summary>
    SubnetNotFound = 1,

    /// <summary>The signing hotkey holds no uid on the subnet.</summary>
    NotRegistered = 2,

    /// <summary>Weights on others (or a commit) need a validator permit from the last epoch.</summary>
    NoValidatorPermit = 3,

    /// <summary>Fewer than <c>weights_rate_limit</c> blocks since the hotkey's last weights.</summary>
    RateLimited = 4,

    /// <summary>The uids and weights lists differ in length.</summary>
    LengthMismatch = 5,

    /// <summary>A uid appears twice.</summary>
    DuplicateUid = 6,

    /// <summary>A uid is not in use on the subnet.</summary>
    UnknownUid = 7,

    /// <summary>Fewer than <c>min_allowed_weights</c> non-zero weights.</summary>
    TooFewWeights = 8,

    /// <summary>A normalised weight exceeds <c>max_weight_limit</c>.</summary>
    WeightAboveLimit = 9,

    /// <summary>The version key is below the subnet's <c>weights_version</c>.</summary>
    VersionKeyTooLow = 10,

    /// <summary>Direct weights while the subnet has commit-reveal on.</summary>
    CommitRevealEnabled = 11,

    /// <summary>A commit or reveal while the subnet has commit-reveal off.</summary>
    CommitRevealDisabled = 12,

    /// <summary>The hotkey already has the most pending commits on the subnet.</summary>
    TooManyPendingCommits = 13,

    /// <summary>The reveal came before its commit's reveal window.</summary>
    RevealTooEarly = 14,

    /// <summary>The reveal came after its commit's reveal window.</summary>
    RevealExpired = 15,

    /// <summary>The revealed weights hash to none of the hotkey's pending commits.</summary>
    RevealMismatch = 16,

    /// <summary>A reveal with no pending commit at all.</summary>
    NoCommit = 17,

    /// <summary>The same hash is pending already.</summary>
    DuplicateCommit = 18,

    /// <summary>All weights are zero (or the list is empty).</summary>
    AllWeightsZero = 19,
}
