using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// The node's JSON-RPC server on Kestrel: HTTP <c>POST /</c> and WebSocket on the same port, plus
/// <c>GET /health</c>. Create it with the method registry and the subscription hub, <see cref="StartAsync"/>,
/// and read <see cref="Port"/> (useful with port 0). <see cref="StopAsync"/> closes WebSockets with a close frame.
/// </summary>
public sealed class RpcServer : IAsyncDisposable
{
    /// <summary>Connections Kestrel lets past its own limit so that the ConnectionLimiter, which logs, refuses them.</summary>
    private const int RejectionsInFlightMax = 64;

    /// <summary>Time a request body may take before RequestBodyMinBytesPerSecond applies (Kestrel's default).</summary>
    private static readonly TimeSpan RequestBodyGracePeriod = TimeSpan.FromSeconds(5);

    private readonly RpcServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<RpcServer> _logger;
    private readonly RpcWebSocketEndpoint _webSockets;
    private readonly RpcHttpEndpoint _http;
    private readonly RpcMetrics _metrics;
    private readonly LimitHitLog _limits;
    private WebApplication? _app;

    /// <summary>
    /// A server for <paramref name="methods"/>; <paramref name="hub"/> must be built over the same registry.
    /// <paramref name="time"/> drives the WebSocket idle timeout and the log rate limit (default: the system clock).
    /// </summary>
    public RpcServer(RpcServerOptions options, RpcMethods methods, SubscriptionHub hub, RpcMetrics metrics, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        options.Validate();
        time ??= TimeProvider.System;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RpcServer>();
        _metrics = metrics;
        _limits = new LimitHitLog(_logger, metrics, time, options.LimitLogInterval);
        Dispatcher = new RpcDispatcher(methods, options, metrics, loggerFactory.CreateLogger<RpcDispatcher>());
        _webSockets = new RpcWebSocketEndpoint(options, Dispatcher, hub, metrics, loggerFactory.CreateLogger<RpcSession>(), _limits, time);
        _http = new RpcHttpEndpoint(options, Dispatcher, _webSockets, _limits);
    }

    /// <summary>The connection limit in force, known after <see cref="StartAsync"/>: ConnectionsMax lowered to the descriptor budget.</summary>
    public int ConnectionsMax { get; private set; }

    /// <summary>True when listening on every interface (0.0.0.0 or ::), not just the address in <see cref="HttpUrl"/>.</summary>
    public bool ListensOnAllInterfaces
    {
        get
        {
            var address = IPAddress.Parse(_options.ListenAddress);
            return address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        }
    }

    /// <summary>The transport-independent dispatcher (for in-process calls and benchmarks).</summary>
    public RpcDispatcher Dispatcher { get; }

    /// <summary>The bound port, known after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://address:port/</c>, known after <see cref="StartAsync"/>.</summary>
    public Uri HttpUrl => new($"http://{HostForUrl}:{Port}/");

    /// <summary><c>ws://address:port/</c>, known after <see cref="StartAsync"/>.</summary>
    public Uri WebSocketUrl => new($"ws://{HostForUrl}:{Port}/");

    private string HostForUrl => ClientHost.For(_options.ListenAddress);

    /// <summary>Binds the port and starts serving. Throws naming the port when it is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the RPC server is already started; create one RpcServer per port");
        }

        var freeDescriptors = DescriptorBudget.FreeCount();
        var limiter = new ConnectionLimiter(DescriptorBudget.ConnectionsMax(_options, freeDescriptors), _options.ConnectionsPerIpMax, _limits, _metrics);
        var app = EmbeddedKestrel.Build(
            _loggerFactory,
            _options.ListenAddress,
            _options.Port,
            kestrel => ConfigureLimits(kestrel.Limits, limiter.ConnectionsMax),
            listener => listener.Use(limiter.Wrap));
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = _options.WebSocketKeepAliveInterval });
        app.Run(_http.HandleAsync);
        await EmbeddedKestrel.StartAsync(
            app,
            $"cannot listen for JSON-RPC on {_options.ListenAddress}:{_options.Port}",
            "stop the other process on that port or pass another --rpc-port",
            cancellationToken);

#pragma warning disable IDISP003 // _app is null here: checked at the top
        _app = app;
#pragma warning restore IDISP003
        Port = BoundPort(app);
        ConnectionsMax = limiter.ConnectionsMax;
        if (ListensOnAllInterfaces)
        {
            _logger.ListeningOnAllInterfaces(_options.ListenAddress, Port, HttpUrl);
        }
        else
        {
            _logger.Listening(HttpUrl);
        }

        _logger.ConnectionLimits(ConnectionsMax, _options.ConnectionsPerIpMax, freeDescriptors ?? -1);
    }

    /// <summary>Closes WebSockets with a close frame (1001, "node is shutting down"), then stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

#pragma warning disable IDISP003 // disposed just below
        _app = null;
#pragma warning restore IDISP003
        await _webSockets.CloseAllAsync("node is shutting down");
        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void ConfigureLimits(KestrelServerLimits limits, int connectionsMax)
    {
        limits.MaxRequestBodySize = null; // RequestBytesMax is enforced with a JSON-RPC error
        // Kestrel's own count is a backstop: the ConnectionLimiter inside it refuses first, with a log line and a metric,
        // as long as fewer than RejectionsInFlightMax refusals overlap.
        limits.MaxConcurrentConnections = connectionsMax + RejectionsInFlightMax;
        limits.MaxConcurrentUpgradedConnections = _options.WebSocketConnectionsMax + RejectionsInFlightMax; // the endpoint refuses first, with a 503
        limits.RequestHeadersTimeout = _options.RequestHeadersTimeout;
        limits.KeepAliveTimeout = _options.KeepAliveTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(_options.RequestBodyMinBytesPerSecond, RequestBodyGracePeriod);
    }

    internal static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First()).Port;
    }
}
