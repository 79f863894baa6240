namespace Agora.Protocol.Neurons;

/// <summary>Why a neurons call failed (registration, hotkey swap, axon). Persisted in events: never renumber, only append.</summary>
public enum NeuronsError : ushort
{
    /// <summary>No subnet has this netuid.</summary>
    SubnetNotFound = 1,

    /// <summary>Netuid 0 is the root subnet, which has no neurons.</summary>
    RootSubnet = 2,

    /// <summary>The hotkey's signature over the ownership payload does not verify.</summary>
    BadProofOfPossession = 3,

    /// <summary>Another coldkey owns the hotkey.</summary>
    HotkeyOwnedByAnother = 4,

    /// <summary>The hotkey already holds a uid on the subnet.</summary>
    AlreadyRegistered = 5,

    /// <summary>The subnet took its most registrations for this block.</summary>
    TooManyRegistrationsThisBlock = 6,

    /// <summary>The coldkey's free balance does not cover the burn.</summary>
    InsufficientBalance = 7,

    /// <summary>The subnet is full and every neuron is still immune.</summary>
    AllNeuronsImmune = 8,

    /// <summary>The hotkey holds no uid on the subnet.</summary>
    NotRegistered = 9,

    /// <summary>The sender does not own the hotkey.</summary>
    NotHotkeyOwner = 10,

    /// <summary>The new hotkey of a swap is owned already.</summary>
    NewHotkeyOwned = 11,

    /// <summary>A swap names the same hotkey twice.</summary>
    SameHotkey = 12,

    /// <summary>The axon was served less than <c>serving_rate_limit</c> blocks ago.</summary>
    ServingRateLimited = 13,

    /// <summary>The axon's address, port or protocol is not valid.</summary>
    InvalidAxon = 14,

    /// <summary>A loopback or unspecified address outside a development chain.</summary>
    LoopbackNotAllowed = 15,
}
