using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>Accepts WebSocket upgrades, enforces WebSocketConnectionsMax and closes all sessions on shutdown.</summary>
internal sealed class RpcWebSocketEndpoint
{
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly SubscriptionHub _hub;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, RpcSession> _sessions = new();
    private long _lastId;
    private int _open;

    public RpcWebSocketEndpoint(RpcServerOptions options, RpcDispatcher dispatcher, SubscriptionHub hub, RpcMetrics metrics, ILogger logger)
    {
        _options = options;
        _dispatcher = dispatcher;
        _hub = hub;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (Interlocked.Increment(ref _open) > _options.WebSocketConnectionsMax)
            {
                await RpcHttpEndpoint.WriteErrorAsync(
                    context,
                    StatusCodes.Status503ServiceUnavailable,
                    RpcErrorCodes.ServerBusy,
                    $"the node already has {_options.WebSocketConnectionsMax} WebSocket connections (WebSocketConnectionsMax); close unused ones or use HTTP");
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = _options.WebSocketKeepAliveInterval,
            });
            using var session = new RpcSession(Interlocked.Increment(ref _lastId), socket, _options, _dispatcher, _hub, _metrics, _logger);
            _sessions[session.Id] = session;
            _metrics.WebSocketOpened();
            try
            {
                await session.RunAsync(context.RequestAborted);
            }
            finally
            {
                _sessions.TryRemove(session.Id, out _);
                _metrics.WebSocketClosed();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>Sends every open WebSocket a close frame and waits (at most WebSocketCloseTimeout) for them to end.</summary>
    public async Task CloseAllAsync(string reason)
    {
        var sessions = _sessions.Values.ToArray();
        foreach (var session in sessions)
        {
            session.RequestClose(WebSocketCloseStatus.EndpointUnavailable, reason);
        }

        var all = Task.WhenAll(sessions.Select(s => s.Completion));
        await Task.WhenAny(all, Task.Delay(_options.WebSocketCloseTimeout + TimeSpan.FromSeconds(1)));
    }
}
