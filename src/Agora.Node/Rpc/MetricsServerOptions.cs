namespace Agora.Node.Rpc;

/// <summary>Where Prometheus metrics are served (<c>--metrics-port</c>).</summary>
public sealed record MetricsServerOptions
{
    /// <summary>IP address to bind; loopback by default.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port for <c>GET /metrics</c>; 0 picks a free port. (The CLI's <c>--metrics-port 0</c> means off: do not create the server.)</summary>
    public int Port { get; init; } = 9615;

    /// <summary>Most TCP connections open at once on the metrics port; more are closed at once. A scraper needs one or two.</summary>
    public int ConnectionsMax { get; init; } = 32;

    /// <summary>How long a client may take to send a request's headers; bounds slow-header connections.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
