using System.Net.WebSockets;

namespace Agora.Sdk.Client;

/// <summary>The WebSocket to the node closed while calls or subscriptions were still open.</summary>
public sealed class RpcConnectionClosedException : RpcClientException
{
    /// <summary>The node (or the network) closed the connection with <paramref name="status"/> and <paramref name="description"/>.</summary>
    public RpcConnectionClosedException(Uri endpoint, WebSocketCloseStatus? status, string? description)
        : base($"the WebSocket to {endpoint} closed ({(status is { } s ? $"{(int)s} {s}" : "no close frame")}{(string.IsNullOrEmpty(description) ? string.Empty : $": {description}")}); reconnect to continue")
    {
        CloseStatus = status;
        CloseDescription = description;
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcConnectionClosedException()
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The close status the node sent (1008 for a dropped slow consumer, 1001 for shutdown), if any.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>The node's close reason, if any.</summary>
    public string? CloseDescription { get; }
}
