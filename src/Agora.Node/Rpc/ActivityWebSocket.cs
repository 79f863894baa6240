using System.Net.WebSockets;

namespace Agora.Node.Rpc;

/// <summary>
/// A WebSocket that passes everything to the accepted one and notes when the client last sent a message, so
/// that the idle timeout can see activity without the session having to report it.
/// </summary>
internal sealed class ActivityWebSocket : WebSocket
{
    private readonly WebSocket _inner;
    private readonly TimeProvider _time;
    private long _lastReceived;

    public ActivityWebSocket(WebSocket inner, TimeProvider time)
    {
        _inner = inner;
        _time = time;
        _lastReceived = time.GetTimestamp();
    }

    /// <summary>How long ago the client's last frame arrived (or the connection opened).</summary>
    public TimeSpan SinceLastReceived => _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    public override WebSocketCloseStatus? CloseStatus => _inner.CloseStatus;

    public override string? CloseStatusDescription => _inner.CloseStatusDescription;

    public override WebSocketState State => _inner.State;

    public override string? SubProtocol => _inner.SubProtocol;

    public override void Abort() => _inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _inner.ReceiveAsync(buffer, cancellationToken);
        Touch();
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _inner.ReceiveAsync(buffer, cancellationToken);
        Touch();
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);

    /// <summary>Does nothing: the accepted socket belongs to the endpoint, which disposes it.</summary>
#pragma warning disable IDISP010 // WebSocket.Dispose is abstract: there is no base implementation to call
    public override void Dispose()
    {
    }
#pragma warning restore IDISP010

    private void Touch() => Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
}
