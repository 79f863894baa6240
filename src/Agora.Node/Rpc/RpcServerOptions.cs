namespace Agora.Node.Rpc;

/// <summary>Where the RPC server listens and the limits it enforces. Every limit has a specific error.</summary>
public sealed record RpcServerOptions
{
    /// <summary>Mebibyte in bytes.</summary>
    private const int MiB = 1024 * 1024;

    /// <summary>IP address to bind; loopback by default so a dev node is not reachable from outside.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port for HTTP and WebSocket JSON-RPC (0 picks a free port; read <see cref="RpcServer.Port"/>).</summary>
    public int Port { get; init; } = 9944;

    /// <summary>Largest HTTP request body; larger ones get HTTP 413 and error -32007.</summary>
    public int RequestBytesMax { get; init; } = 5 * MiB;

    /// <summary>Most calls in one batch array; more get error -32010.</summary>
    public int BatchCountMax { get; init; } = 1000;

    /// <summary>Most WebSocket connections open at once; more get HTTP 503.</summary>
    public int WebSocketConnectionsMax { get; init; } = 100;

    /// <summary>Largest WebSocket message; a larger one closes the connection with status 1009.</summary>
    public int WebSocketMessageBytesMax { get; init; } = 5 * MiB;

    /// <summary>Most subscriptions on one WebSocket connection; more get error -32006.</summary>
    public int SubscriptionsPerConnectionMax { get; init; } = 1024;

    /// <summary>
    /// Most messages waiting to be sent on one WebSocket connection. A consumer that falls this far behind
    /// is dropped (close status 1008) so that publishing never waits for it.
    /// </summary>
    public int WebSocketQueueMessagesMax { get; init; } = 4096;

    /// <summary>How long a closing WebSocket may take to finish its close handshake before it is aborted.</summary>
    public TimeSpan WebSocketCloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of WebSocket keep-alive pings (zero turns them off).</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Browser origins allowed to call the RPC (CORS and WebSocket Origin); <c>*</c> allows all.</summary>
    public IReadOnlyList<string> CorsAllowedOrigins { get; init; } = ["*"];

    /// <summary>Throws naming the option when a value cannot work.</summary>
    public void Validate()
    {
        RequirePositive(RequestBytesMax, nameof(RequestBytesMax));
        RequirePositive(BatchCountMax, nameof(BatchCountMax));
        RequirePositive(WebSocketConnectionsMax, nameof(WebSocketConnectionsMax));
        RequirePositive(WebSocketMessageBytesMax, nameof(WebSocketMessageBytesMax));
        RequirePositive(SubscriptionsPerConnectionMax, nameof(SubscriptionsPerConnectionMax));
        RequirePositive(WebSocketQueueMessagesMax, nameof(WebSocketQueueMessagesMax));
        if (Port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"the RPC port must be 0..65535 (0 picks a free one), got {Port}");
        }

        if (!System.Net.IPAddress.TryParse(ListenAddress, out _))
        {
            throw new InvalidOperationException(
                $"ListenAddress '{ListenAddress}' is not an IP address; use 127.0.0.1 (local only) or 0.0.0.0 (all interfaces)");
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"{name} must be positive, got {value}");
        }
    }
}
