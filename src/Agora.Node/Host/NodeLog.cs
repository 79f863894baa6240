using Agora.Core.Primitives;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Host;

/// <summary>The node host's log messages.</summary>
internal static partial class NodeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Chain '{Chain}' at block {Number} ({Hash}), genesis {Genesis}, data in {Path}")]
    public static partial void Opened(ILogger logger, string chain, ulong number, Hash256 hash, Hash256 genesis, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "JSON-RPC on {HttpUrl} (WebSocket {WebSocketUrl}); metrics {Metrics}")]
    public static partial void Listening(ILogger logger, Uri httpUrl, Uri webSocketUrl, Uri? metrics);

    [LoggerMessage(Level = LogLevel.Information, Message = "JSON-RPC on all interfaces ({Address} port {Port}), reachable from other machines; local clients use {HttpUrl} (WebSocket {WebSocketUrl}); metrics {Metrics}")]
    public static partial void ListeningOnAllInterfaces(ILogger logger, string address, int port, Uri httpUrl, Uri webSocketUrl, Uri? metrics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Block {Header} with {Transactions} transactions in {Milliseconds:F1} ms")]
    public static partial void Produced(ILogger logger, Agora.Protocol.Blocks.BlockHeader header, int transactions, double milliseconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Block production failed; stopping the node so that no inconsistent state is served")]
    public static partial void ProductionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped cleanly at block {Number}")]
    public static partial void Stopped(ILogger logger, ulong number);
}
