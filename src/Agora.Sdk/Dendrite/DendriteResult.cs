namespace Agora.Sdk.Dendrite;

/// <summary>One axon's answer to a dendrite call.</summary>
/// <typeparam name="TResponse">The synapse's response record.</typeparam>
/// <param name="Target">The axon called.</param>
/// <param name="Status">How the call ended.</param>
/// <param name="HttpStatus">The HTTP status, when the axon answered.</param>
/// <param name="ErrorCode">The axon's refusal code (e.g. <c>stale_nonce</c>), when it refused with the protocol's JSON.</param>
/// <param name="Message">What went wrong, for people; null on success.</param>
/// <param name="Latency">From sending to the full answer (or to the failure).</param>
/// <param name="Response">The typed response on success, otherwise null.</param>
public sealed record DendriteResult<TResponse>(
    AxonTarget Target,
    DendriteStatus Status,
    int? HttpStatus,
    string? ErrorCode,
    string? Message,
    TimeSpan Latency,
    TResponse? Response)
{
    /// <summary>True when the axon answered with a response.</summary>
    public bool IsSuccess => Status == DendriteStatus.Success;
}
