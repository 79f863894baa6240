namespace Agora.Protocol.Transactions;

/// <summary>
/// Why a transaction was refused. Values are persisted and sent over the wire: never renumber, only append.
/// </summary>
public enum TxError
{
    /// <summary>The bytes do not decode as a transaction.</summary>
    Malformed = 1,

    /// <summary>The format version byte is not one this node knows.</summary>
    UnsupportedVersion = 2,

    /// <summary>The signature-scheme tag is not Ed25519 (sr25519 is reserved for later).</summary>
    UnsupportedSignatureScheme = 3,

    /// <summary>The signature does not verify for the sender over this chain's signing payload.</summary>
    BadSignature = 4,

    /// <summary>The nonce was already used.</summary>
    StaleNonce = 5,

    /// <summary>The nonce is ahead of the account's next nonce (kept in the pool until the gap fills).</summary>
    FutureNonce = 6,

    /// <summary>The transaction's era ended before this block.</summary>
    Expired = 7,

    /// <summary>The era's birth block is not yet produced.</summary>
    BirthInFuture = 8,

    /// <summary>The era's period is zero or longer than the chain allows.</summary>
    InvalidEra = 9,

    /// <summary>The sender cannot pay fee, tip and the call's cost.</summary>
    InsufficientBalance = 10,

    /// <summary>The call is refused: see the rejection's module error (e.g. a zero amount, a hotkey nobody owns).</summary>
    InvalidCall = 11,

    /// <summary>The encoded transaction is larger than the chain allows.</summary>
    TooLarge = 12,

    /// <summary>The pool already holds this exact transaction.</summary>
    Duplicate = 13,

    /// <summary>The pool is full and this transaction does not outbid the cheapest one.</summary>
    PoolFull = 14,

    /// <summary>The pool holds another transaction with the same sender and nonce and a higher or equal tip.</summary>
    NonceTaken = 15,

    /// <summary>The sender has too many transactions waiting in the pool.</summary>
    SenderPoolFull = 16,

    /// <summary>A hotkey signed a call its owner pays for, but no coldkey owns the hotkey.</summary>
    PayerUnknown = 17,
}
