using Agora.Runtime.Genesis;

namespace Agora.Node.Host;

/// <summary>How to run a node (the flags of <c>agora node</c>).</summary>
public sealed record NodeOptions
{
    /// <summary>Data directory (RocksDB lives in <c>DIR/chain</c>).</summary>
    public required string BasePath { get; init; }

    /// <summary>Create a dev chain when the directory is empty, and author with //Alice.</summary>
    public bool Dev { get; init; }

    /// <summary>
    /// Create the chain from this spec when the directory is empty (<c>--chain FILE</c>), and author with the dev key
    /// of its authority; an existing chain must have been created from the same spec. Null: <see cref="Dev"/> decides.
    /// </summary>
    public ChainSpec? ChainSpec { get; init; }

    /// <summary>JSON-RPC (HTTP and WebSocket) port; 0 picks a free one.</summary>
    public int RpcPort { get; init; } = 9944;

    /// <summary>Prometheus port; 0 turns metrics off.</summary>
    public int MetricsPort { get; init; } = 9615;

    /// <summary>Address to listen on.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Browser origins allowed to call the RPC (<c>--rpc-cors</c>; <c>*</c> = any); empty: none.</summary>
    public IReadOnlyList<string> RpcCorsOrigins { get; init; } = [];

    /// <summary>Host names the RPC accepts besides localhost and IP literals (<c>--rpc-host</c>; <c>*</c> = any).</summary>
    public IReadOnlyList<string> RpcHostsAllowed { get; init; } = [];

    /// <summary>Block time for a new dev chain (an existing chain keeps its own).</summary>
    public ulong? BlockTimeMs { get; init; }
}
