namespace Agora.Protocol.Staking;

/// <summary>Why a staking call failed. Persisted in events: never renumber, only append.</summary>
public enum StakingError : ushort
{
    /// <summary>The hotkey has no owning coldkey; stake goes only to owned hotkeys.</summary>
    HotkeyNotOwned = 1,

    /// <summary>Another coldkey owns the hotkey.</summary>
    HotkeyOwnedByAnother = 2,

    /// <summary>The sender already owns the hotkey.</summary>
    AlreadyOwned = 3,

    /// <summary>The hotkey's signature over the ownership payload does not verify.</summary>
    BadProofOfPossession = 4,

    /// <summary>No subnet has this netuid.</summary>
    SubnetNotFound = 5,

    /// <summary>The amount is zero.</summary>
    ZeroAmount = 6,

    /// <summary>The coldkey's free balance does not cover the amount.</summary>
    InsufficientBalance = 7,

    /// <summary>The position would end between zero and the minimum stake.</summary>
    BelowMinimumStake = 8,

    /// <summary>The position holds less than the amount.</summary>
    InsufficientStake = 9,

    /// <summary>The sender does not own the hotkey.</summary>
    NotHotkeyOwner = 10,

    /// <summary>The take is above the chain's maximum.</summary>
    TakeAboveMax = 11,

    /// <summary>The take equals the current one.</summary>
    TakeUnchanged = 12,

    /// <summary>A take raise came sooner than the take change rate limit allows.</summary>
    TakeRaiseRateLimited = 13,

    /// <summary>A move names the same hotkey and netuid on both sides.</summary>
    SameSourceAndDestination = 14,
}
