using Agora.Bench.Rpc;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Sdk.Client;
using Agora.Sdk.Metagraph;
using Agora.Storage;
using Agora.Testing.Chains;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Bench.Sdk;

/// <summary>
/// The SDK's metagraph sync (<see cref="SubnetMetagraph.LoadAsync"/>: one <c>agora_getMetagraph</c> call read into
/// typed vectors) of 4,096 neurons, against one <c>system_health</c> round trip over the same
/// <see cref="ChainClient"/> and WebSocket, on the chain of <see cref="MetagraphRpcBenchmarks"/>:
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*MetagraphSync*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetagraphSyncBenchmarks : IDisposable
{
    private const ushort LargeNetuid = 2;

    private MemoryStore? _store;
    private RpcServer? _server;
    private RpcWebSocketClient? _client;
    private ChainClient? _chain;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        using var owner = DevChainSpec.DevKey("Ferdie");
        var spec = NeuronSubnets.Add(DevChainSpec.Create(), [256, 4096], owner.Account);
        await CleanupAsync();
        _store?.Dispose();
        _store = new MemoryStore();
        var chain = ChainStore.OpenOrCreate(_store, spec);
        MetagraphRpcBenchmarks.WriteEpochState(chain, _store, LargeNetuid, 4096);
        var core = new NodeCore(chain, null, new MempoolLimits(), TimeProvider.System);
        var methods = new RpcMethods();
        var options = new RpcServerOptions { Port = 0 };
        var metrics = new RpcMetrics(Metrics.NewCustomRegistry());
        var hub = new SubscriptionHub(methods, options, metrics);
        ChainRpcApi.Register(core, methods, hub);
        _server = new RpcServer(options, methods, hub, metrics, NullLoggerFactory.Instance);
        await _server.StartAsync(CancellationToken.None);
        _client = await RpcWebSocketClient.ConnectAsync(_server.WebSocketUrl);
        _chain = new ChainClient(_client);
        var snapshot = await SubnetMetagraph.LoadAsync(_chain, LargeNetuid);
        if (snapshot.Count != 4096 || snapshot.ServingAxons().Length != 4096)
        {
            throw new InvalidOperationException("the benchmark subnet does not have 4,096 serving neurons");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        _store?.Dispose();
        _store = null;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public Task<SystemHealth> System_health() => _chain!.GetHealthAsync();

    [Benchmark]
    public Task<MetagraphSnapshot> Sync_4096() => SubnetMetagraph.LoadAsync(_chain!, LargeNetuid);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
#pragma warning disable VSTHRD002 // BenchmarkDotNet has normally run CleanupAsync already; this only covers a failed setup
            CleanupAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }
    }
}
