using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Node.Tests.Core;
using Agora.Protocol.Governance;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Governance;
using Agora.Runtime.Modules.Staking;
using Agora.Sdk.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Tests.Rpc;

/// <summary>
/// A dev-chain node core (memory store, fake clock) serving the real chain RPC methods over Kestrel on a free port.
/// Blocks are produced only when a test asks, so every read sees a known state.
/// </summary>
internal sealed class ChainRpcNode : IAsyncDisposable
{
    private readonly NodeFixture _fixture;
    private readonly RpcServer _server;

    private ChainRpcNode(ChainSpec? spec, RpcServerOptions? options)
    {
        _fixture = new NodeFixture(spec: spec);
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var metrics = new RpcMetrics(Registry);
        Methods = new RpcMethods();
        options = (options ?? new RpcServerOptions()) with { Port = 0 };
        Hub = new SubscriptionHub(Methods, options, metrics);
        ChainRpcApi.Register(_fixture.Core, Methods, Hub);
        _server = new RpcServer(options, Methods, Hub, metrics, NullLoggerFactory.Instance);
        Http = new HttpClient();
    }

    public NodeCore Core => _fixture.Core;

    /// <summary>The node's memory store (tests that write state directly).</summary>
    public Agora.Storage.MemoryStore Store => _fixture.Store;

    public SubscriptionHub Hub { get; }

    public RpcMethods Methods { get; }

    public Prometheus.CollectorRegistry Registry { get; }

    public Uri WebSocketUrl => _server.WebSocketUrl;

    /// <summary>POSTs raw JSON and parses the response.</summary>
    public async Task<System.Text.Json.JsonElement> PostJsonAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(_server.HttpUrl, content);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public Hash256 GenesisHash => _fixture.Chain.GenesisHash;

    public HttpClient Http { get; }

    public RpcClient Rpc { get; private set; } = null!;

    public ChainClient Client { get; private set; } = null!;

    public static async Task<ChainRpcNode> StartAsync(ChainSpec? spec = null, RpcServerOptions? options = null)
    {
        var node = new ChainRpcNode(spec, options);
        await node._server.StartAsync(CancellationToken.None);
        node.Rpc = new RpcClient(node.Http, node._server.HttpUrl);
        node.Client = new ChainClient(node.Rpc);
        return node;
    }

    public static KeyPair Dev(string name) => DevChainSpec.DevKey(name);

    /// <summary>Signs <paramref name="call"/> from <paramref name="signer"/> with its next nonce (pooled ones counted).</summary>
    public SignedTransaction Sign(KeyPair signer, Call call, ulong nonceOffset = 0)
    {
        var body = new TransactionBody(signer.Account, Core.GetAccount(signer.Account).Nonce + nonceOffset, new Era(Core.Best.Number, 64), Rao.Zero, call);
        return SignedTransaction.Sign(body, signer, GenesisHash);
    }

    /// <summary>Pools <paramref name="call"/> (which must be admitted) and produces a block with it.</summary>
    public void Apply(KeyPair signer, Call call)
    {
        var result = Core.Submit(Sign(signer, call));
        Assert.True(result.Accepted, result.Rejection?.ToString());
        Core.ProduceBlock();
    }

    /// <summary>Alice proposes <paramref name="name"/>; Alice and Charlie vote aye: it launches. Returns the proposal id.</summary>
    public ulong LaunchSubnet(string name)
    {
        using var alice = Dev("Alice");
        using var charlie = Dev("Charlie");
        Apply(alice, new ProposeSubnetCall(name, $"{name} subnet", alice.Account, []));
        var id = GovernanceState.Proposals(Core.Chain.State).Last().Id;
        Apply(alice, new VoteCall(id, true));
        Apply(charlie, new VoteCall(id, true));
        return id;
    }

    /// <summary><paramref name="coldkey"/> owns itself as hotkey and stakes <paramref name="amount"/> on <paramref name="netuid"/>.</summary>
    public void StakeSelf(KeyPair coldkey, ushort netuid, Rao amount)
    {
        if (StakingState.Hotkey(Core.Chain.State, coldkey.Account) is null)
        {
            Apply(coldkey, new AssociateHotkeyCall(coldkey.Account, new byte[64]));
        }

        Apply(coldkey, new AddStakeCall(coldkey.Account, netuid, amount));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Http.Dispose();
        _fixture.Dispose();
    }
}
