namespace Agora.Sdk.Client;

/// <summary>Timeouts, retries and limits of the RPC clients.</summary>
public sealed record RpcClientOptions
{
    /// <summary>How long one call (or one batch) may wait for the node's answer; each retry gets the whole time again.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response (or WebSocket message) accepted from the node.</summary>
    public int ResponseBytesMax { get; init; } = 64 * 1024 * 1024;

    /// <summary>Notifications buffered per subscription before it fails as too slow.</summary>
    public int SubscriptionBufferMax { get; init; } = 10_000;

    /// <summary>
    /// Retries after a transient failure (node unreachable, connection reset or closed, call timeout, HTTP 5xx, node
    /// busy) of a read, or of a transaction submission (see <see cref="ChainClient.SubmitTransactionAsync"/> for why
    /// that is safe); 0 turns retries off. Other methods are never retried.
    /// </summary>
    public int RetryCountMax { get; init; } = 3;

    /// <summary>The backoff before the first retry; it doubles for each further retry, up to <see cref="RetryBackoffMax"/>, with jitter.</summary>
    public TimeSpan RetryBackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest backoff between two attempts (also between two reconnection attempts of a WebSocket).</summary>
    public TimeSpan RetryBackoffMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a <see cref="RpcWebSocketClient"/> that lost the node keeps reconnecting (then resubscribing its
    /// subscriptions) before it gives up and ends them with <see cref="RpcConnectionClosedException"/>;
    /// <see cref="TimeSpan.Zero"/>: never reconnect.
    /// </summary>
    public TimeSpan ReconnectTimeMax { get; init; } = TimeSpan.FromSeconds(30);
}
