using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Agora.Node.Rpc;

/// <summary>
/// A separate listener serving <c>GET /metrics</c> in the Prometheus text format from a
/// <see cref="CollectorRegistry"/> (the one in <see cref="RpcMetrics.Registry"/>, holding RPC and node metrics).
/// </summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly MetricsServerOptions _options;
    private readonly CollectorRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private WebApplication? _app;

    /// <summary>A metrics server for <paramref name="registry"/>.</summary>
    public MetricsServer(MetricsServerOptions options, CollectorRegistry registry, ILoggerFactory loggerFactory)
    {
        _options = options;
        _registry = registry;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The bound port, known after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://address:port/metrics</c>, known after <see cref="StartAsync"/>.</summary>
    public Uri Url => new($"http://{ClientHost.For(_options.ListenAddress)}:{Port}/metrics");

    /// <summary>Binds the port and starts serving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the metrics server is already started");
        }

        var app = EmbeddedKestrel.Build(_loggerFactory, _options.ListenAddress, _options.Port, kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = _options.ConnectionsMax;
            kestrel.Limits.RequestHeadersTimeout = _options.RequestHeadersTimeout;
        });
        app.Run(ServeAsync);
        await EmbeddedKestrel.StartAsync(
            app,
            $"cannot serve metrics on {_options.ListenAddress}:{_options.Port}",
            "pass another --metrics-port or 0 to turn metrics off",
            cancellationToken);

#pragma warning disable IDISP003 // _app is null here: checked at the top
        _app = app;
#pragma warning restore IDISP003
        Port = RpcServer.BoundPort(app);
        _loggerFactory.CreateLogger<MetricsServer>().MetricsListening(Url);
    }

    /// <summary>Stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

#pragma warning disable IDISP003 // disposed just below
        _app = null;
#pragma warning restore IDISP003
        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task ServeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals("/metrics", StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("metrics are at GET /metrics\n", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await _registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }
}
