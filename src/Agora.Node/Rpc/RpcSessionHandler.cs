namespace Agora.Node.Rpc;

/// <summary>A handler that also sees the WebSocket session it was called on (null over HTTP).</summary>
internal delegate ValueTask<object?> RpcSessionHandler(RpcParams parameters, RpcSession? session, CancellationToken cancellationToken);
