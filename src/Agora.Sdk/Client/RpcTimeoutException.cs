namespace Agora.Sdk.Client;

/// <summary>The node did not answer within the call timeout.</summary>
public sealed class RpcTimeoutException : RpcClientException
{
    /// <summary><paramref name="method"/> got no answer from <paramref name="endpoint"/> within <paramref name="timeout"/>.</summary>
    public RpcTimeoutException(Uri endpoint, string method, TimeSpan timeout, Exception innerException)
        : base($"{method}: the node at {endpoint} did not answer within {timeout.TotalSeconds:0.#} s; it may be overloaded or stuck — check its log, or raise the timeout", innerException)
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcTimeoutException()
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
