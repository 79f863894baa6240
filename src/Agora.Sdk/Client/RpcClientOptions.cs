namespace Agora.Sdk.Client;

/// <summary>Timeouts and limits of the RPC clients.</summary>
public sealed record RpcClientOptions
{
    /// <summary>How long one call (or one batch) may wait for the node's answer.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response (or WebSocket message) accepted from the node.</summary>
    public int ResponseBytesMax { get; init; } = 64 * 1024 * 1024;

    /// <summary>Notifications buffered per subscription before it fails as too slow.</summary>
    public int SubscriptionBufferMax { get; init; } = 10_000;
}
