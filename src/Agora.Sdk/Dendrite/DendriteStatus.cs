namespace Agora.Sdk.Dendrite;

/// <summary>How one axon's call ended.</summary>
public enum DendriteStatus
{
    /// <summary>The axon answered 2xx with the synapse's response JSON.</summary>
    Success = 0,

    /// <summary>The axon answered with an error status (its code is in <see cref="DendriteResult{TResponse}.ErrorCode"/>).</summary>
    Refused = 1,

    /// <summary>No answer within the call's timeout.</summary>
    Timeout = 2,

    /// <summary>The connection could not be made (refused, no route, name not found).</summary>
    Unreachable = 3,

    /// <summary>The axon answered 2xx but not with the response JSON, or with more than ResponseBytesMax.</summary>
    BadResponse = 4,

    /// <summary>The exchange failed in another way (connection reset, protocol error).</summary>
    Failed = 5,
}
