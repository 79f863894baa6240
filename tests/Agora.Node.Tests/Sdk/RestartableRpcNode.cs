using Agora.Node.Core;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Node.Tests.Core;
using Agora.Runtime.Genesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Tests.Sdk;

/// <summary>
/// A dev-chain node core (memory store, fake clock) whose RPC server can stop and start again on the same port, as a
/// restarted node would: each start builds a fresh method registry, subscription hub and Kestrel server.
/// </summary>
internal sealed class RestartableRpcNode : IAsyncDisposable
{
    private readonly NodeFixture _fixture;
    private RpcServer? _server;

    private RestartableRpcNode(ChainSpec? spec)
    {
        _fixture = new NodeFixture(spec: spec);
    }

    public NodeCore Core => _fixture.Core;

    public NodeFixture Fixture => _fixture;

    public int Port { get; private set; }

    public Uri HttpUrl { get; private set; } = null!;

    public static async Task<RestartableRpcNode> StartAsync(ChainSpec? spec = null)
    {
        var node = new RestartableRpcNode(spec);
        await node.StartServerAsync(0);
        return node;
    }

    /// <summary>Stops serving (WebSockets get 1001 "node is shutting down"); the chain stays.</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>Serves again on the port of the first start.</summary>
    public Task StartAgainAsync() => StartServerAsync(Port);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _fixture.Dispose();
    }

    private async Task StartServerAsync(int port)
    {
        var metrics = new RpcMetrics(Prometheus.Metrics.NewCustomRegistry());
        var methods = new RpcMethods();
        var options = new RpcServerOptions { Port = port };
        var hub = new SubscriptionHub(methods, options, metrics);
        ChainRpcApi.Register(_fixture.Core, methods, hub);
        var server = new RpcServer(options, methods, hub, metrics, NullLoggerFactory.Instance);
        await server.StartAsync(CancellationToken.None);
        _server = server;
        Port = server.Port;
        HttpUrl = server.HttpUrl;
    }
}
