using System.Net.WebSockets;

namespace Agora.Sdk.Client;

/// <summary>How one WebSocket connection of <see cref="RpcWebSocketClient"/> ended.</summary>
/// <param name="Failure">The client's own reason to stop (a message over ResponseBytesMax); null otherwise.</param>
/// <param name="ClosedByUs">True when the client was disposed.</param>
/// <param name="Status">The node's close status; null when the connection dropped without a close frame.</param>
/// <param name="Description">The node's close reason, if any.</param>
internal sealed record ConnectionEnd(Exception? Failure, bool ClosedByUs, WebSocketCloseStatus? Status, string? Description)
{
    // 1012 service restart and 1013 try again later have no WebSocketCloseStatus member.
    private const int ServiceRestart = 1012;
    private const int TryAgainLater = 1013;

    /// <summary>
    /// True when the node went away (no close frame, 1001 shutting down, 1011, 1012, 1013) rather than refusing this
    /// client (1008 too slow or idle, 1009 message too big): only then is reconnecting worth it.
    /// </summary>
    public bool WorthReconnecting =>
        !ClosedByUs && Failure is null && Status switch
        {
            null => true,
            WebSocketCloseStatus.EndpointUnavailable or WebSocketCloseStatus.InternalServerError => true,
            { } status => (int)status is ServiceRestart or TryAgainLater,
        };
}
