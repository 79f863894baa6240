using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>The RPC server's log messages (source-generated).</summary>
internal static partial class RpcLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "RPC method {Method} failed (reference {Reference})")]
    public static partial void HandlerFailed(this ILogger logger, string method, long reference, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "JSON-RPC listening on {Url} (HTTP and WebSocket)")]
    public static partial void Listening(this ILogger logger, Uri url);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "WebSocket connection {Connection} dropped: {Reason}")]
    public static partial void WebSocketDropped(this ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "WebSocket connection {Connection} ended: {Reason}")]
    public static partial void WebSocketEnded(this ILogger logger, long connection, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "RPC limit {Limit} hit: {Detail} ({Suppressed} earlier hits of this limit not logged)")]
    public static partial void LimitHit(this ILogger logger, string limit, string detail, long suppressed);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "JSON-RPC listening on all interfaces ({Address} port {Port}, HTTP and WebSocket); local clients use {Url}")]
    public static partial void ListeningOnAllInterfaces(this ILogger logger, string address, int port, Uri url);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "RPC connections limited to {ConnectionsMax} ({ConnectionsPerIpMax} per IP); {FreeDescriptors} file descriptors were free at start (-1: unknown)")]
    public static partial void ConnectionLimits(this ILogger logger, int connectionsMax, int connectionsPerIpMax, long freeDescriptors);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "WebSocket connection {Connection} cut off: {Reason} ({Suppressed} more cut-offs not logged since the last line)")]
    public static partial void SlowConsumerCutOff(this ILogger logger, long connection, string reason, long suppressed);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Notification {Topic} dropped: {Reason} ({Suppressed} more drops not logged since the last line)")]
    public static partial void NotificationDropped(this ILogger logger, string topic, string reason, long suppressed);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Building the {Topic} notification failed; subscribers miss this one")]
    public static partial void NotificationFailed(this ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Prometheus metrics on {Url}")]
    public static partial void MetricsListening(this ILogger logger, Uri url);
}
