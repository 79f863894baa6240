using System.Text.Json;
using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Node.Host.Neurons;
using Agora.Node.Rpc;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;
using Agora.Sdk.Client;
using Agora.Storage;
using Agora.Testing.Chains;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Bench.Rpc;

/// <summary>
/// <c>agora_getMetagraph</c> for a subnet of 256 and one of 4,096 genesis neurons, each with epoch outputs and an axon,
/// against <c>system_health</c> over the same WebSocket to a real RPC server (dev chain, memory store):
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*MetagraphRpc*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetagraphRpcBenchmarks : IDisposable
{
    private const ushort SmallNetuid = 1;
    private const ushort LargeNetuid = 2;

    private MemoryStore? _store;
    private ChainStore? _chain;
    private RpcServer? _server;
    private RpcWebSocketClient? _client;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        using var owner = DevChainSpec.DevKey("Ferdie");
        var spec = NeuronSubnets.Add(DevChainSpec.Create(), [256, 4096], owner.Account);
        await CleanupAsync();
        _store?.Dispose();
        _store = new MemoryStore();
        var chain = _chain = ChainStore.OpenOrCreate(_store, spec);
        WriteEpochState(chain, _store, SmallNetuid, 256);
        WriteEpochState(chain, _store, LargeNetuid, 4096);
        var core = new NodeCore(chain, null, new MempoolLimits(), TimeProvider.System);
        var methods = new RpcMethods();
        var options = new RpcServerOptions { Port = 0 };
        var metrics = new RpcMetrics(Metrics.NewCustomRegistry());
        var hub = new SubscriptionHub(methods, options, metrics);
        ChainRpcApi.Register(core, methods, hub);
        _server = new RpcServer(options, methods, hub, metrics, NullLoggerFactory.Instance);
        await _server.StartAsync(CancellationToken.None);
        _client = await RpcWebSocketClient.ConnectAsync(_server.WebSocketUrl);
        var large = await _client.CallAsync<JsonElement>("agora_getMetagraph", [LargeNetuid]);
        if (large.GetProperty("neurons").GetArrayLength() != 4096)
        {
            throw new InvalidOperationException("the benchmark subnet does not have 4,096 neurons");
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
    public Task<JsonElement> System_health() => _client!.CallAsync<JsonElement>("system_health");

    [Benchmark]
    public Task<JsonElement> Metagraph_256() => _client!.CallAsync<JsonElement>("agora_getMetagraph", [SmallNetuid]);

    [Benchmark]
    public Task<JsonElement> Metagraph_4096() => _client!.CallAsync<JsonElement>("agora_getMetagraph", [LargeNetuid]);

    /// <summary>The server's share of <see cref="Metagraph_4096"/>: the point lookups alone, no JSON and no network.</summary>
    [Benchmark]
    public int Read_4096() => NeuronReads.Metagraph(_chain!.State, LargeNetuid, 0).Neurons.Length;

    /// <summary>The server's share of <see cref="Metagraph_4096"/>: lookups and rendering into the result bytes.</summary>
    [Benchmark]
    public int Read_and_render_4096()
    {
        var metagraph = NeuronReads.Metagraph(_chain!.State, LargeNetuid, 0);
        return Utf8JsonResult.Write(writer => NeuronJson.WriteMetagraph(writer, metagraph), 2_500_000).Utf8.Length;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
#pragma warning disable VSTHRD002 // BenchmarkDotNet has normally run CleanupAsync already; this only covers a failed setup
            CleanupAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }
    }

    // Every uid gets outputs with long decimal expansions and an IPv4 axon, so the result has its full size.
    internal static void WriteEpochState(ChainStore chain, MemoryStore store, ushort netuid, int count)
    {
        var state = new StateOverlay(chain.State);
        for (var uid = 0; uid < count; uid++)
        {
            var share = new I32F32(0x0123_4567L + (uid * 7919L));
            var outputs = new NeuronOutputs(share, share, share, share, share, share, new Rao(1_000_000 + (ulong)uid), uid % 16 == 0, 0);
            EpochState.SetOutputs(state, netuid, (ushort)uid, outputs);
            NeuronState.SetAxon(state, netuid, (ushort)uid, new AxonInfo(new byte[] { 10, 1, (byte)(uid >> 8), (byte)uid }, 8091, 0, 1, 0));
        }

        var batch = new WriteBatch();
        chain.State.Apply(state.Changes, batch);
        store.Write(batch);
    }
}
