namespace Agora.Node.Rpc;

/// <summary>
/// JSON-RPC error codes. The -327xx/-326xx codes are the JSON-RPC 2.0 standard; the server-defined
/// codes follow jsonrpsee (the Substrate RPC stack) so that tools written for Substrate read them alike.
/// These values reach the wire: never renumber them.
/// </summary>
public static class RpcErrorCodes
{
    /// <summary>The request is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object (or the batch is empty).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No method of that name is registered (or it needs a WebSocket).</summary>
    public const int MethodNotFound = -32601;

    /// <summary>The method exists but its parameters are wrong.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A bug in the node; details are in the node log, never in the response.</summary>
    public const int InternalError = -32603;

    /// <summary>The call ran and failed for an application reason (generic).</summary>
    public const int CallFailed = -32000;

    /// <summary>A WebSocket connection asked for more subscriptions than SubscriptionsPerConnectionMax.</summary>
    public const int TooManySubscriptions = -32006;

    /// <summary>The request is larger than RequestBytesMax.</summary>
    public const int RequestTooBig = -32007;

    /// <summary>The response (a single call's or a whole batch's) would pass ResponseBytesMax.</summary>
    public const int ResponseTooBig = -32008;

    /// <summary>The server is at a capacity limit (e.g. WebSocketConnectionsMax, HeavyRequestsConcurrentMax).</summary>
    public const int ServerBusy = -32009;

    /// <summary>The batch has more calls than BatchCountMax.</summary>
    public const int BatchTooBig = -32010;

    /// <summary>A transaction was rejected by the pool or the runtime (Substrate's author error 1010).</summary>
    public const int TransactionRejected = 1010;
}
