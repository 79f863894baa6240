using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// Accepts WebSocket upgrades, enforces WebSocketConnectionsMax in total and WebSocketConnectionsPerIpMax per
/// remote address, closes sockets idle past WebSocketIdleTimeout, and closes all sessions on shutdown.
/// </summary>
internal sealed class RpcWebSocketEndpoint
{
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly SubscriptionHub _hub;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LimitHitLog _limits;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, RpcSession> _sessions = new();
    private readonly AddressQuota _quota;
    private long _lastId;
    private volatile bool _shuttingDown; // set by CloseAllAsync: new WebSockets are refused from then on

    public RpcWebSocketEndpoint(
        RpcServerOptions options, RpcDispatcher dispatcher, SubscriptionHub hub, RpcMetrics metrics, ILogger logger, LimitHitLog limits, TimeProvider time)
    {
        _options = options;
        _dispatcher = dispatcher;
        _hub = hub;
        _metrics = metrics;
        _logger = logger;
        _limits = limits;
        _time = time;
        _quota = new AddressQuota(
            options.WebSocketConnectionsMax,
            nameof(RpcServerOptions.WebSocketConnectionsMax),
            options.WebSocketConnectionsPerIpMax,
            nameof(RpcServerOptions.WebSocketConnectionsPerIpMax),
            "WebSocket connections");
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (_shuttingDown)
        {
            // A client reconnecting at once must not get a session that shutdown would then wait out.
            await RpcHttpEndpoint.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, RpcErrorCodes.ServerBusy, "node is shutting down; connect again once it is back");
            return;
        }

        var ip = AddressQuota.Normalize(context.Connection.RemoteIpAddress);
        if (_quota.TryTake(ip) is { } refusal)
        {
            _limits.Hit(refusal.Limit, refusal.Detail);
            await RpcHttpEndpoint.WriteErrorAsync(
                context, StatusCodes.Status503ServiceUnavailable, RpcErrorCodes.ServerBusy, $"{refusal.Detail}; close unused ones or use HTTP");
            return;
        }

        try
        {
            using var accepted = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = _options.WebSocketKeepAliveInterval,
            });
            using var socket = new ActivityWebSocket(accepted, _time);
            using var session = new RpcSession(Interlocked.Increment(ref _lastId), socket, _options, _dispatcher, _hub, _metrics, _logger);
            using var ended = new CancellationTokenSource();
            _sessions[session.Id] = session;
            _metrics.WebSocketOpened();
            var idleWatch = CloseWhenIdleAsync(session, socket, ended.Token);
            try
            {
                await session.RunAsync(context.RequestAborted);
            }
            finally
            {
                await ended.CancelAsync();
                await idleWatch;
                _sessions.TryRemove(session.Id, out _);
                _metrics.WebSocketClosed();
            }
        }
        finally
        {
            _quota.Release(ip);
        }
    }

    /// <summary>Refuses new WebSockets (503), sends every open one a close frame and waits (at most WebSocketCloseTimeout) for them to end.</summary>
    public async Task CloseAllAsync(string reason)
    {
        _shuttingDown = true;
        var sessions = _sessions.Values.ToArray();
        foreach (var session in sessions)
        {
            session.RequestClose(WebSocketCloseStatus.EndpointUnavailable, reason);
        }

        var all = Task.WhenAll(sessions.Select(s => s.Completion));
        await Task.WhenAny(all, Task.Delay(_options.WebSocketCloseTimeout + TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// Closes the session (1008, with the reason) once the client has sent nothing for WebSocketIdleTimeout while
    /// holding no subscription: such a socket only occupies a connection slot.
    /// </summary>
    private async Task CloseWhenIdleAsync(RpcSession session, ActivityWebSocket socket, CancellationToken ended)
    {
        var timeout = _options.WebSocketIdleTimeout;
        try
        {
            while (true)
            {
                var idle = socket.SinceLastReceived;
                if (idle >= timeout && session.SubscriptionCount == 0)
                {
                    var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    _limits.Hit(nameof(RpcServerOptions.WebSocketIdleTimeout), $"closed WebSocket connection {session.Id}: no subscription and no request for {seconds} s");
                    _metrics.WebSocketDropped("idle");
                    session.RequestClose(
                        WebSocketCloseStatus.PolicyViolation,
                        $"idle {seconds} s with no subscription (WebSocketIdleTimeout); send a request or subscribe");
                    return;
                }

                await Task.Delay(idle >= timeout ? timeout : timeout - idle, _time, ended);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // the session ended first
        }
    }
}
