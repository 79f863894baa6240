namespace Agora.Sdk.Client;

/// <summary>No connection to the node: refused, unknown host, or dropped before it answered.</summary>
public sealed class NodeUnreachableException : RpcClientException
{
    /// <summary>The node at <paramref name="endpoint"/> could not be reached because of <paramref name="reason"/>.</summary>
    public NodeUnreachableException(Uri endpoint, string reason, Exception? innerException = null)
        : base($"node unreachable at {endpoint}: {reason} — is `./agora node --dev` running? (or pass --network URL)", innerException ?? new InvalidOperationException(reason))
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the endpoint.</summary>
    public NodeUnreachableException()
        : this(new Uri("http://127.0.0.1:9944/"), "unknown")
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the endpoint.</summary>
    public NodeUnreachableException(string message)
        : base(message)
    {
        Endpoint = new Uri("http://127.0.0.1:9944/");
        Reason = message;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the endpoint.</summary>
    public NodeUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = new Uri("http://127.0.0.1:9944/");
        Reason = message;
    }

    /// <summary>The URL that was tried.</summary>
    public Uri Endpoint { get; }

    /// <summary>Why, e.g. "connection refused".</summary>
    public string Reason { get; }
}
