namespace Agora.Sdk.Synapses;

/// <summary>
/// The <c>error</c> codes of axon refusals (spec/interfaces.md, "Axon protocol"), with their HTTP status in the
/// comments. Append-only: clients in other languages match on these strings.
/// </summary>
public static class SynapseErrorCodes
{
    /// <summary>400: a header is missing or malformed, or the body is not the synapse's JSON.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>400: the body's Blake2b-256 is not <c>agora-body-hash</c>.</summary>
    public const string BodyHashMismatch = "body_hash_mismatch";

    /// <summary>401: no <c>agora-signature</c>.</summary>
    public const string MissingSignature = "missing_signature";

    /// <summary>401: the signature is not the caller's over the request.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>403: the caller is not registered on the subnet, or is blacklisted.</summary>
    public const string NotRegistered = "not_registered";

    /// <summary>404: this axon serves no synapse of that name (an addition to the spec's list).</summary>
    public const string UnknownSynapse = "unknown_synapse";

    /// <summary>409: the nonce is not above the caller's last, outside the time window, or older than the axon's start.</summary>
    public const string StaleNonce = "stale_nonce";

    /// <summary>413: the body is over the axon's limit.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>421: <c>agora-callee</c> is not this axon's hotkey.</summary>
    public const string WrongCallee = "wrong_callee";

    /// <summary>429: the caller is over its rate.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>500: the miner's handler failed (an addition to the spec's list).</summary>
    public const string HandlerFailed = "handler_failed";

    /// <summary>503: the axon is full and the caller's stake is among the lowest waiting.</summary>
    public const string Overloaded = "overloaded";
}
