using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.State;
using Agora.Sdk.Client;
using Agora.Storage;
using Agora.Testing.Chains;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Bench.Rpc;

/// <summary>
/// A dev chain on the memory store whose subnet 1 has 256 and subnet 2 has 4,096 genesis neurons, each with epoch
/// outputs and an axon, served by a real RPC server and reached over one WebSocket: what the metagraph benchmarks read.
/// </summary>
internal sealed class MetagraphBenchNode : IAsyncDisposable
{
    /// <summary>The subnet of 256 neurons.</summary>
    public const ushort SmallNetuid = 1;

    /// <summary>The subnet of 4,096 neurons.</summary>
    public const ushort LargeNetuid = 2;

    private readonly MemoryStore _store;
    private readonly RpcServer _server;

    private MetagraphBenchNode(MemoryStore store, ChainStore chain, RpcServer server, RpcWebSocketClient client)
    {
        _store = store;
        Chain = chain;
        _server = server;
        Client = client;
    }

    /// <summary>The chain the server reads.</summary>
    public ChainStore Chain { get; }

    /// <summary>A WebSocket client connected to the server.</summary>
    public RpcWebSocketClient Client { get; }

    /// <summary>Builds the chain, starts the server and connects.</summary>
    public static async Task<MetagraphBenchNode> StartAsync()
    {
        using var owner = DevChainSpec.DevKey("Ferdie");
        var spec = NeuronSubnets.Add(DevChainSpec.Create(), [256, 4096], owner.Account);
        var store = new MemoryStore();
        try
        {
            var chain = ChainStore.OpenOrCreate(store, spec);
            WriteEpochState(chain, store, SmallNetuid, 256);
            WriteEpochState(chain, store, LargeNetuid, 4096);
            var core = new NodeCore(chain, null, new MempoolLimits(), TimeProvider.System);
            var methods = new RpcMethods();
            var options = new RpcServerOptions { Port = 0 };
            var metrics = new RpcMetrics(Metrics.NewCustomRegistry());
            var hub = new SubscriptionHub(methods, options, metrics);
            ChainRpcApi.Register(core, methods, hub);
            var server = new RpcServer(options, methods, hub, metrics, NullLoggerFactory.Instance);
            await server.StartAsync(CancellationToken.None);
            var client = await RpcWebSocketClient.ConnectAsync(server.WebSocketUrl);
            return new MetagraphBenchNode(store, chain, server, client);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _server.DisposeAsync();
        _store.Dispose();
    }

    // Every uid gets outputs with long decimal expansions and an IPv4 axon, so the result has its full size.
    private static void WriteEpochState(ChainStore chain, MemoryStore store, ushort netuid, int count)
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
