namespace Agora.Sdk.Client;

/// <summary>Something that can make JSON-RPC calls: <see cref="RpcClient"/> (HTTP) or <see cref="RpcWebSocketClient"/>.</summary>
public interface IRpcCaller
{
    /// <summary>
    /// Calls <paramref name="method"/> with positional <paramref name="parameters"/> (serialized with
    /// <see cref="Agora.Core.Json.AgoraJson.Options"/>) and reads the result as <typeparamref name="T"/>.
    /// </summary>
    /// <exception cref="RpcException">The node answered with an error.</exception>
    /// <exception cref="RpcClientException">The node was unreachable, too slow, or answered nonsense.</exception>
    Task<T> CallAsync<T>(string method, object?[]? parameters = null, CancellationToken cancellationToken = default);
}
