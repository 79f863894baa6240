namespace Agora.Testing.Attacks;

/// <summary>A node under attack: its JSON-RPC URL (HTTP; the WebSocket is on the same port) and its process id.</summary>
public sealed record AttackTarget(Uri RpcUrl, int ProcessId)
{
    /// <summary>The WebSocket URL on the same port.</summary>
    public Uri WebSocketUrl => new UriBuilder(RpcUrl) { Scheme = "ws" }.Uri;
}
