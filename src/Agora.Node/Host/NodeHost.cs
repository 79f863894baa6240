using Agora.Core.Crypto;
using Agora.Node.Core;
using Agora.Node.Rpc;
using Agora.Storage.RocksDb;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Agora.Node.Host;

/// <summary>
/// A running node: RocksDB store, chain, pool, block production on a timer, JSON-RPC and metrics. Composes
/// the parts; the logic lives in <see cref="NodeCore"/>.
/// </summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly NodeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private RocksDbStore? _store;
    private KeyPair? _authority;
    private RpcServer? _rpc;
    private MetricsServer? _metrics;

    /// <summary>Prepares a node; nothing opens until <see cref="StartAsync"/>.</summary>
    public NodeHost(NodeOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<NodeHost>();
        _time = time;
    }

    /// <summary>The node core, after <see cref="StartAsync"/>.</summary>
    public NodeCore? Core { get; private set; }

    /// <summary>The JSON-RPC URL, after <see cref="StartAsync"/>.</summary>
    public Uri? RpcUrl => _rpc?.HttpUrl;

    /// <summary>Opens the store (creating the dev chain if asked and empty) and starts serving RPC and metrics.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Core is not null)
        {
            throw new InvalidOperationException("the node is already started");
        }

        Directory.CreateDirectory(_options.BasePath);
        _store?.Dispose();
        _store = RocksDbStore.Open(Path.Combine(_options.BasePath, "chain"));
        var specForNewChain = _options.ChainSpec
            ?? (_options.Dev ? DevChainSpec.Create(_options.BlockTimeMs ?? DevChainSpec.BlockTimeMsDefault) : null);
        var chain = ChainStore.Open(_store)
            ?? (specForNewChain is not null
                ? ChainStore.OpenOrCreate(_store, specForNewChain)
                : throw new InvalidOperationException($"{_options.BasePath} holds no chain; start with --dev to create a development chain"));
        if (_options.ChainSpec is { } given)
        {
            if (ChainSpecJson.Write(chain.Spec) != ChainSpecJson.Write(given))
            {
                throw new InvalidOperationException(
                    $"{_options.BasePath} holds chain '{chain.Spec.Name}' created from another spec than the one given; use another --base-path, or delete the directory to start over");
            }

            _authority?.Dispose();
            _authority = DevChainSpec.DevKeyOf(given.Authority)
                ?? throw new InvalidOperationException($"the chain spec's authority {given.Authority} is not a dev account; this node can author only with a dev key");
        }
        else if (_options.Dev)
        {
            _authority?.Dispose();
            _authority = DevChainSpec.DevKey(DevChainSpec.AccountNames[0]);
        }

        var core = new NodeCore(chain, _authority, new MempoolLimits(), _time);
        Core = core;
        NodeLog.Opened(_logger, chain.Spec.Name, chain.Best.Number, chain.Best.Hash, chain.GenesisHash, _options.BasePath);

        var registry = Metrics.NewCustomRegistry();
        var rpcMetrics = new RpcMetrics(registry);
        var nodeMetrics = new NodeMetrics(rpcMetrics.Factory);
        core.BlockCommitted += committed => nodeMetrics.Observe(core, committed);
        var methods = new RpcMethods();
        var rpcOptions = new RpcServerOptions
        {
            ListenAddress = _options.ListenAddress,
            Port = _options.RpcPort,
            CorsAllowedOrigins = _options.RpcCorsOrigins,
            HostsAllowed = _options.RpcHostsAllowed,
        };
        var hub = new SubscriptionHub(methods, rpcOptions, rpcMetrics, _loggerFactory.CreateLogger<SubscriptionHub>());
        ChainRpcApi.Register(core, methods, hub);
        _rpc = new RpcServer(rpcOptions, methods, hub, rpcMetrics, _loggerFactory, _time);
        await _rpc.StartAsync(cancellationToken);
        if (_options.MetricsPort != 0)
        {
            _metrics = new MetricsServer(new MetricsServerOptions { ListenAddress = _options.ListenAddress, Port = _options.MetricsPort }, registry, _loggerFactory);
            await _metrics.StartAsync(cancellationToken);
        }

        if (_rpc.ListensOnAllInterfaces)
        {
            NodeLog.ListeningOnAllInterfaces(_logger, _options.ListenAddress, _rpc.Port, _rpc.HttpUrl, _rpc.WebSocketUrl, _metrics?.Url);
        }
        else
        {
            NodeLog.Listening(_logger, _rpc.HttpUrl, _rpc.WebSocketUrl, _metrics?.Url);
        }
    }

    /// <summary>
    /// Produces a block every block time until <paramref name="cancellationToken"/> fires, on a thread of its own:
    /// on the thread pool, a burst of CPU-heavy RPC work (building large answers) could keep the next block waiting
    /// for a pool thread.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var core = Core ?? throw new InvalidOperationException("start the node first");
        if (_authority is null)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        var producing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ProduceUntilCancelled(core, cancellationToken);
                producing.SetResult();
            }
            catch (Exception e)
            {
                NodeLog.ProductionFailed(_logger, e);
                producing.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "block production",
        };
        thread.Start();
        await producing.Task;
    }

    /// <summary>One block per block time, ticks missed while a block took longer skipped (as PeriodicTimer does).</summary>
    private void ProduceUntilCancelled(NodeCore core, CancellationToken cancellationToken)
    {
        var blockTime = TimeSpan.FromMilliseconds(core.Chain.Spec.BlockTimeMs);
        var started = _time.GetTimestamp();
        var ticks = 1L;
        while (!cancellationToken.WaitHandle.WaitOne(Until(started, ticks, blockTime)))
        {
            var committed = core.ProduceBlock();
            NodeLog.Produced(_logger, committed.Block.Header, committed.Block.Transactions.Count, core.LastBlockProductionMs);
            ticks = Math.Max(ticks + 1, (long)(_time.GetElapsedTime(started) / blockTime) + 1);
        }
    }

    private TimeSpan Until(long started, long ticks, TimeSpan blockTime)
    {
        var wait = (blockTime * ticks) - _time.GetElapsedTime(started);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Stops serving and closes the store; committed blocks are already durable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_rpc is not null)
        {
            await _rpc.DisposeAsync();
        }

        if (_metrics is not null)
        {
            await _metrics.DisposeAsync();
        }

        if (Core is not null)
        {
            NodeLog.Stopped(_logger, Core.Best.Number);
        }

        _authority?.Dispose();
        _store?.Dispose();
    }
}
