using Prometheus;

namespace Agora.Node.Rpc;

/// <summary>
/// The RPC server's Prometheus metrics, in a <see cref="CollectorRegistry"/> that the node shares for its
/// own gauges: create them with <see cref="Factory"/> (e.g. <c>Factory.CreateGauge("agora_best_block", …)</c>)
/// and <see cref="MetricsServer"/> serves everything in <see cref="Registry"/>.
/// </summary>
public sealed class RpcMetrics
{
    /// <summary>Label value used for names that are not registered, so that random names cannot grow the label set.</summary>
    internal const string UnknownMethod = "unknown";

    /// <summary>Label value for requests refused before any method ran because HeavyRequestsConcurrentMax slots were taken.</summary>
    internal const string HeavyRequest = "heavy_request";

    private readonly Counter _requests;
    private readonly Counter _errors;
    private readonly Histogram _duration;
    private readonly Gauge _webSocketConnections;
    private readonly Gauge _subscriptions;
    private readonly Counter _webSocketsDropped;
    private readonly Counter _limitHits;
    private readonly Gauge _connections;
    private readonly Counter _notificationsDropped;

    /// <summary>Metrics in <paramref name="registry"/> (use <see cref="Metrics.DefaultRegistry"/> in the node).</summary>
    public RpcMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        Factory = Metrics.WithCustomRegistry(registry);
        _requests = Factory.CreateCounter("agora_rpc_requests_total", "JSON-RPC calls received, by method.", ["method"]);
        _errors = Factory.CreateCounter("agora_rpc_errors_total", "JSON-RPC calls answered with an error, by method and code.", ["method", "code"]);
        _duration = Factory.CreateHistogram(
            "agora_rpc_request_duration_seconds",
            "Time to run a JSON-RPC call, by method.",
            new HistogramConfiguration { LabelNames = ["method"], Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10) });
        _webSocketConnections = Factory.CreateGauge("agora_rpc_websocket_connections", "Open WebSocket connections.");
        _subscriptions = Factory.CreateGauge("agora_rpc_subscriptions", "Active subscriptions, by notification method.", ["topic"]);
        _webSocketsDropped = Factory.CreateCounter("agora_rpc_websocket_dropped_total", "WebSocket connections closed by the server, by reason.", ["reason"]);
        _limitHits = Factory.CreateCounter("agora_rpc_limit_hits_total", "Requests or connections refused or closed by an RPC limit, by the limit's option name.", ["limit"]);
        _connections = Factory.CreateGauge("agora_rpc_connections", "Open TCP connections on the RPC port.");
        _notificationsDropped = Factory.CreateCounter(
            "agora_rpc_notifications_dropped_total", "Notifications not published because the publish queue was full (PublishQueueItemsMax), by topic.", ["topic"]);
    }

    /// <summary>The registry to serve (and to add node metrics to).</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Creates metrics in <see cref="Registry"/>.</summary>
    public IMetricFactory Factory { get; }

    internal void CountCall(string method, TimeSpan duration)
    {
        _requests.WithLabels(method).Inc();
        _duration.WithLabels(method).Observe(duration.TotalSeconds);
    }

    internal void CountError(string method, int code) =>
        _errors.WithLabels(method, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    internal void WebSocketOpened() => _webSocketConnections.Inc();

    internal void WebSocketClosed() => _webSocketConnections.Dec();

    internal void WebSocketDropped(string reason) => _webSocketsDropped.WithLabels(reason).Inc();

    internal void LimitHit(string limit) => _limitHits.WithLabels(limit).Inc();

    internal void ConnectionOpened() => _connections.Inc();

    internal void ConnectionClosed() => _connections.Dec();

    internal void NotificationDropped(string topic) => _notificationsDropped.WithLabels(topic).Inc();

    internal void SubscriptionAdded(string topic) => _subscriptions.WithLabels(topic).Inc();

    internal void SubscriptionRemoved(string topic) => _subscriptions.WithLabels(topic).Dec();
}
