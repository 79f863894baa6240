using System.Collections.Frozen;
using System.Net;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Sdk.Axon;

/// <summary>
/// A miner's synapse server (spec/interfaces.md, "Axon protocol"; docs/axon.md). Register handlers with
/// <see cref="Serve{TRequest, TResponse}"/>, then <see cref="StartAsync"/>. Every request must be signed by a
/// registered caller for this axon's hotkey with a fresh nonce; refusals never run a handler.
/// </summary>
public sealed partial class AxonServer : IAsyncDisposable
{
    private readonly Dictionary<string, ServedSynapse> _registrations = new(StringComparer.Ordinal);
    private readonly AxonOptions _options;
    private readonly IAxonCallerDirectory _callers;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly AxonMetrics _metrics;
    private readonly CallerRateLimiter _rates;
    private readonly AdmissionQueue _admission;
    private FrozenDictionary<string, ServedSynapse> _served = FrozenDictionary<string, ServedSynapse>.Empty;
    private NonceGuard? _nonces;
    private WebApplication? _app;
    private ListenOptions? _http2Listener;
    private ListenOptions? _http1Listener;

    /// <summary>
    /// An axon for <paramref name="hotkey"/> (the miner's registered hotkey) admitting callers in
    /// <paramref name="callers"/>. <paramref name="time"/> is the clock of nonces and rates (default: the system clock);
    /// metrics go to <paramref name="metricsRegistry"/> (default: a new registry, see <see cref="MetricsRegistry"/>).
    /// </summary>
    public AxonServer(
        AccountId hotkey,
        IAxonCallerDirectory callers,
        AxonOptions? options = null,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null,
        CollectorRegistry? metricsRegistry = null)
    {
        ArgumentNullException.ThrowIfNull(callers);
        _options = options ?? new AxonOptions();
        _options.Validate();
        Hotkey = hotkey;
        _callers = callers;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<AxonServer>();
        MetricsRegistry = metricsRegistry ?? Metrics.NewCustomRegistry();
        _metrics = new AxonMetrics(MetricsRegistry);
        _rates = new CallerRateLimiter(_time, _options.CallerRequestsPerSecondMax, _options.CallerBurstMax);
        _admission = new AdmissionQueue(_options.ConcurrentRequestsMax, _options.QueuedRequestsMax);
    }

    /// <summary>The hotkey requests must name as callee.</summary>
    public AccountId Hotkey { get; }

    /// <summary>The registry holding this axon's metrics (serve it with prometheus-net).</summary>
    public CollectorRegistry MetricsRegistry { get; }

    /// <summary>The bound HTTP/2 port, known after <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The bound HTTP/1.1 port, when <see cref="AxonOptions.Http1Port"/> is set and after <see cref="StartAsync"/>.</summary>
    public int? Http1Port { get; private set; }

    /// <summary>Requests waiting for a handler slot now.</summary>
    public int QueuedRequests => _admission.Queued;

    /// <summary>Serves <paramref name="synapse"/> with <paramref name="handler"/>; call before <see cref="StartAsync"/>.</summary>
    public AxonServer Serve<TRequest, TResponse>(Synapse<TRequest, TResponse> synapse, SynapseHandler<TRequest, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(handler);
        if (_app is not null)
        {
            throw new InvalidOperationException($"cannot serve '{synapse.Name}': the axon is already started; call Serve before StartAsync");
        }

        if (!_registrations.TryAdd(synapse.Name, new ServedSynapse<TRequest, TResponse>(synapse, handler)))
        {
            throw new InvalidOperationException($"synapse '{synapse.Name}' is already served by this axon; serve each name once");
        }

        return this;
    }

    /// <summary>
    /// Binds the ports and starts serving. Nonces from before this moment are refused from now on, so requests
    /// signed for an earlier run of this axon cannot be replayed.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the axon is already started");
        }

        _served = _registrations.ToFrozenDictionary(StringComparer.Ordinal);
        _nonces = new NonceGuard(_time, _options.NonceWindow);
        var app = BuildApp();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new IOException($"axon cannot listen on {_options.ListenAddress}:{_options.Port}: {e.Message}; pick another port (0 for a free one)", e);
        }

#pragma warning disable IDISP003 // _app is null here: checked at the top
        _app = app;
#pragma warning restore IDISP003
        Port = BoundPort(_http2Listener!);
        Http1Port = _http1Listener is null ? null : BoundPort(_http1Listener);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.Listening(Ss58.Encode(Hotkey), string.Join(", ", _served.Keys.Order(StringComparer.Ordinal)), Url);
            if (Http1Port is { } http1)
            {
                _logger.ListeningHttp1(new Uri($"http://{HostForUrl}:{http1}/"));
            }
        }
    }

    /// <summary><c>http://address:port/</c> of the HTTP/2 port, known after <see cref="StartAsync"/>.</summary>
    public Uri Url => new($"http://{HostForUrl}:{Port}/");

    private string HostForUrl
    {
        get
        {
            var address = IPAddress.Parse(_options.ListenAddress);
            if (address.Equals(IPAddress.Any))
            {
                return "127.0.0.1";
            }

            if (address.Equals(IPAddress.IPv6Any))
            {
                return "[::1]";
            }

            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        }
    }

    /// <summary>Stops listening; requests in flight are cancelled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
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

    private WebApplication BuildApp()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, AxonLifetime>();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // The axon reads bodies itself, stopping at RequestBytesMax (413 body_too_large with the spec's JSON).
            kestrel.Limits.MaxRequestBodySize = null;
            var address = IPAddress.Parse(_options.ListenAddress);
            kestrel.Listen(address, _options.Port, listener =>
            {
                listener.Protocols = HttpProtocols.Http2;
                _http2Listener = listener;
            });
            if (_options.Http1Port is { } http1Port)
            {
                kestrel.Listen(address, http1Port, listener =>
                {
                    listener.Protocols = HttpProtocols.Http1;
                    _http1Listener = listener;
                });
            }
        });
        var app = builder.Build();
        app.Run(ServeAsync);
        return app;
    }

    /// <summary>Kestrel writes the bound endpoint back into the listen options, which tells the port when 0 was asked.</summary>
    private static int BoundPort(ListenOptions listener) => ((IPEndPoint)listener.EndPoint).Port;
}
