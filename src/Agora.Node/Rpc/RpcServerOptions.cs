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
    public int WebSocketConnectionsMax { get; init; } = 500;

    /// <summary>Largest WebSocket message; a larger one closes the connection with status 1009.</summary>
    public int WebSocketMessageBytesMax { get; init; } = 5 * MiB;

    /// <summary>Most subscriptions on one WebSocket connection; more get error -32006.</summary>
    /// <remarks>
    /// 32: a client follows a few topics (new heads, events), maybe a few times each; each subscription makes
    /// every publication cost one more queue entry, so many per connection only multiply one client's load.
    /// </remarks>
    public int SubscriptionsPerConnectionMax { get; init; } = 32;

    /// <summary>
    /// Most messages waiting to be sent on one WebSocket connection. A consumer that falls this far behind
    /// is dropped (close status 1008) so that publishing never waits for it.
    /// </summary>
    public int WebSocketQueueMessagesMax { get; init; } = 4096;

    /// <summary>How long a closing WebSocket may take to finish its close handshake before it is aborted.</summary>
    public TimeSpan WebSocketCloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of WebSocket keep-alive pings (zero turns them off).</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Browser origins (<c>scheme://host[:port]</c>) allowed to call the RPC, checked on CORS requests and on
    /// WebSocket upgrades; <c>*</c> allows all. Empty (the default): no web page may drive the node
    /// (<c>agora node --rpc-cors</c>). Requests without an Origin header (non-browser clients) are not affected.
    /// </summary>
    public IReadOnlyList<string> CorsAllowedOrigins { get; init; } = [];

    /// <summary>
    /// Host names (without port) a request's Host header may carry besides <c>localhost</c>, and besides IP
    /// literals, which are always accepted; <c>*</c> accepts any. Protects against DNS rebinding: a web page
    /// whose name re-resolves to 127.0.0.1 still sends its own name as Host and gets HTTP 403
    /// (<c>agora node --rpc-host</c>).
    /// </summary>
    public IReadOnlyList<string> HostsAllowed { get; init; } = [];

    /// <summary>
    /// Most TCP connections open at once on the RPC port, over all clients; more are closed as soon as they are
    /// accepted. Lowered at start to what the process's descriptor limit leaves after <see cref="DescriptorsReservedCount"/>,
    /// so that connections cannot use up the descriptors the store and the runtime need.
    /// </summary>
    public int ConnectionsMax { get; init; } = 8192;

    /// <summary>
    /// Most TCP connections open at once from one remote IP address; more are closed as soon as they are accepted.
    /// Protects other clients from one that opens connections without end. Generous because every local process
    /// connects from 127.0.0.1.
    /// </summary>
    public int ConnectionsPerIpMax { get; init; } = 512;

    /// <summary>
    /// File descriptors kept out of <see cref="ConnectionsMax"/>'s reach, beyond those already open when the server
    /// starts: RocksDB's table files, logs, the metrics port, outgoing connections.
    /// </summary>
    public int DescriptorsReservedCount { get; init; } = 256;

    /// <summary>Most WebSocket connections open at once from one remote IP address; more get HTTP 503.</summary>
    public int WebSocketConnectionsPerIpMax { get; init; } = 100;

    /// <summary>
    /// How long a WebSocket with no subscription may stay without sending a message before it is closed
    /// (status 1008, with the reason). Frees connection slots held by idle clients.
    /// </summary>
    public TimeSpan WebSocketIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a client may take to send a request's headers; a slower connection is closed. Bounds how long
    /// slow-header ("slowloris") connections hold a slot.
    /// </summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an HTTP connection may stay open between requests; then it is closed.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Slowest a request body may arrive, in bytes per second (after a 5 s grace period); a slower one is
    /// aborted. Bounds how long a trickled body holds a slot.
    /// </summary>
    public int RequestBodyMinBytesPerSecond { get; init; } = 1024;

    /// <summary>Shortest interval between two log lines about the same limit; the hits in between are counted in the next line.</summary>
    public TimeSpan LimitLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    // Subscription queues, response sizes and heavy requests (issue #14, findings 2 and 4).

    /// <summary>
    /// Most bytes waiting to be sent on one WebSocket connection: responses plus notifications, a notification's
    /// shared payload counted in full against every queue that holds it. Checked before each message is queued,
    /// so a queue holds at most this plus one message. A subscriber that falls this far behind is cut off
    /// (close 1008); a client that does not read its responses is no longer read. Protects memory from one slow
    /// or hostile consumer.
    /// </summary>
    public int WebSocketQueueBytesMax { get; init; } = 16 * MiB;

    /// <summary>
    /// Most bytes waiting to be sent over all WebSocket connections together, a shared notification payload
    /// counted once while any queue holds it. A publication that would pass it first cuts off the connections
    /// with the most bytes queued. Protects memory from many slow consumers at once.
    /// </summary>
    public long WebSocketQueueBytesTotalMax { get; init; } = 256L * MiB;

    /// <summary>
    /// Most notifications (one topic, one block) waiting for the publisher task. The block loop only hands
    /// work over and never waits; a notification past this is dropped, counted and logged. Bounds the memory
    /// of blocks waiting to be published.
    /// </summary>
    public int PublishQueueItemsMax { get; init; } = 64;

    /// <summary>
    /// Most bytes of one response: a single call's, or a whole batch's. A batch's calls past it are not run and
    /// get error -32008; a single call's result past it is replaced by that error. Large enough for a full block
    /// (20,000 transactions, 4 MiB of transaction bytes, as JSON) or a 4,096-neuron metagraph. Protects memory
    /// from response amplification (a small request asking for much).
    /// </summary>
    public int ResponseBytesMax { get; init; } = 64 * MiB;

    /// <summary>
    /// Most heavy requests running at once: a request of at least <see cref="HeavyRequestBytesMin"/> bytes or one
    /// that calls a method marked heavy (e.g. chain_getBlock). Protects memory and CPU from many large requests
    /// or responses being built at the same time; 2 leaves the rest of a small machine to block production and light
    /// requests.
    /// </summary>
    public int HeavyRequestsConcurrentMax { get; init; } = 2;

    /// <summary>Size in bytes from which a request counts as heavy (see <see cref="HeavyRequestsConcurrentMax"/>).</summary>
    public int HeavyRequestBytesMin { get; init; } = 256 * 1024;

    /// <summary>
    /// Longest a heavy request waits for a slot before it is answered -32009 (server busy). Bounds how long
    /// request bodies are held while waiting.
    /// </summary>
    public TimeSpan HeavyRequestWaitMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws naming the option when a value cannot work.</summary>
    public void Validate()
    {
        RequirePositive(RequestBytesMax, nameof(RequestBytesMax));
        RequirePositive(BatchCountMax, nameof(BatchCountMax));
        RequirePositive(WebSocketConnectionsMax, nameof(WebSocketConnectionsMax));
        RequirePositive(WebSocketMessageBytesMax, nameof(WebSocketMessageBytesMax));
        RequirePositive(SubscriptionsPerConnectionMax, nameof(SubscriptionsPerConnectionMax));
        RequirePositive(WebSocketQueueMessagesMax, nameof(WebSocketQueueMessagesMax));
        RequirePositive(ConnectionsMax, nameof(ConnectionsMax));
        RequirePositive(ConnectionsPerIpMax, nameof(ConnectionsPerIpMax));
        RequirePositive(WebSocketConnectionsPerIpMax, nameof(WebSocketConnectionsPerIpMax));
        RequirePositive(RequestBodyMinBytesPerSecond, nameof(RequestBodyMinBytesPerSecond));
        if (DescriptorsReservedCount < 0)
        {
            throw new InvalidOperationException($"{nameof(DescriptorsReservedCount)} must not be negative, got {DescriptorsReservedCount}");
        }

        if (WebSocketIdleTimeout <= TimeSpan.Zero || RequestHeadersTimeout <= TimeSpan.Zero || KeepAliveTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{nameof(WebSocketIdleTimeout)}, {nameof(RequestHeadersTimeout)} and {nameof(KeepAliveTimeout)} must be positive");
        }
        RequirePositive(WebSocketQueueBytesMax, nameof(WebSocketQueueBytesMax));
        RequirePositive(WebSocketQueueBytesTotalMax, nameof(WebSocketQueueBytesTotalMax));
        RequirePositive(PublishQueueItemsMax, nameof(PublishQueueItemsMax));
        RequirePositive(ResponseBytesMax, nameof(ResponseBytesMax));
        RequirePositive(HeavyRequestsConcurrentMax, nameof(HeavyRequestsConcurrentMax));
        RequirePositive(HeavyRequestBytesMin, nameof(HeavyRequestBytesMin));
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

    private static void RequirePositive(long value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"{name} must be positive, got {value}");
        }
    }
}
