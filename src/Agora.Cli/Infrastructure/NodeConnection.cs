using Agora.Sdk.Client;

namespace Agora.Cli.Infrastructure;

/// <summary>A command's connection to the node named by --network/--rpc (or config, or local).</summary>
internal sealed class NodeConnection : IDisposable
{
    private readonly HttpClient _http;

    public NodeConnection(Uri endpoint)
    {
        _http = new HttpClient();
        Rpc = new RpcClient(_http, endpoint);
        Chain = new ChainClient(Rpc);
        Sender = new TransactionSender(Rpc, TimeProvider.System);
    }

    public RpcClient Rpc { get; }

    public ChainClient Chain { get; }

    public TransactionSender Sender { get; }

    public void Dispose() => _http.Dispose();
}
