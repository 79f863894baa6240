using System.Net;

namespace Agora.Sdk.Client;

/// <summary>Something answered, but not with the JSON-RPC the client expected (wrong URL, wrong version, proxy page).</summary>
public sealed class RpcProtocolException : RpcClientException
{
    /// <summary>An answer that is not valid JSON-RPC, described by <paramref name="message"/>.</summary>
    public RpcProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>An answer that is not valid JSON-RPC, with its cause.</summary>
    public RpcProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An HTTP error status without a JSON-RPC body (a proxy's error page, a gateway timeout).</summary>
    public RpcProtocolException(string message, HttpStatusCode httpStatus)
        : base(message)
    {
        HttpStatus = httpStatus;
    }

    /// <summary>Required by the exception pattern.</summary>
    public RpcProtocolException()
    {
    }

    /// <summary>The HTTP status when the answer was an HTTP error without JSON-RPC; 5xx ones are retried.</summary>
    public HttpStatusCode? HttpStatus { get; }
}
