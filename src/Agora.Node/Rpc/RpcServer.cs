using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
    private readonly RpcServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<RpcServer> _logger;
    private readonly RpcWebSocketEndpoint _webSockets;
    private readonly RpcHttpEndpoint _http;
    private WebApplication? _app;

    /// <summary>A server for <paramref name="methods"/>; <paramref name="hub"/> must be built over the same registry.</summary>
    public RpcServer(RpcServerOptions options, RpcMethods methods, SubscriptionHub hub, RpcMetrics metrics, ILoggerFactory loggerFactory)
    {
        options.Validate();
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RpcServer>();
        Dispatcher = new RpcDispatcher(methods, options, metrics, loggerFactory.CreateLogger<RpcDispatcher>());
        _webSockets = new RpcWebSocketEndpoint(options, Dispatcher, hub, metrics, loggerFactory.CreateLogger<RpcSession>());
        _http = new RpcHttpEndpoint(options, Dispatcher, _webSockets);
    }

    /// <summary>The transport-independent dispatcher (for in-process calls and benchmarks).</summary>
    public RpcDispatcher Dispatcher { get; }

    /// <summary>The bound port, known after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://address:port/</c>, known after <see cref="StartAsync"/>.</summary>
    public Uri HttpUrl => new($"http://{HostForUrl}:{Port}/");

    /// <summary><c>ws://address:port/</c>, known after <see cref="StartAsync"/>.</summary>
    public Uri WebSocketUrl => new($"ws://{HostForUrl}:{Port}/");

    private string HostForUrl => IPAddress.Parse(_options.ListenAddress) switch
    {
        var any when any.Equals(IPAddress.Any) => "127.0.0.1",
        var any when any.Equals(IPAddress.IPv6Any) => "[::1]",
        var v6 when v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"[{v6}]",
        var other => other.ToString(),
    };

    /// <summary>Binds the port and starts serving. Throws naming the port when it is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the RPC server is already started; create one RpcServer per port");
        }

        var app = EmbeddedKestrel.Build(
            _loggerFactory,
            _options.ListenAddress,
            _options.Port,
            kestrel => kestrel.Limits.MaxRequestBodySize = null); // RequestBytesMax is enforced with a JSON-RPC error
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
        _logger.Listening(HttpUrl);
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

    internal static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First()).Port;
    }
}
