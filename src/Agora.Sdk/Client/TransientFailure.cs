namespace Agora.Sdk.Client;

/// <summary>Which client errors may pass if the same call is sent again.</summary>
internal static class TransientFailure
{
    /// <summary>The JSON-RPC code of a node at a capacity limit (spec: server busy).</summary>
    public const int ServerBusyCode = -32009;

    /// <summary>
    /// True for: the node unreachable (refused, reset, dropped), no answer within the call timeout, the WebSocket
    /// closed under the call, HTTP 5xx without a JSON-RPC answer, and the node's "server busy" error.
    /// </summary>
    public static bool Is(Exception error) => error switch
    {
        NodeUnreachableException or RpcTimeoutException or RpcConnectionClosedException => true,
        RpcProtocolException { HttpStatus: { } status } => (int)status >= 500,
        RpcException { Code: ServerBusyCode } => true,
        _ => false,
    };
}
