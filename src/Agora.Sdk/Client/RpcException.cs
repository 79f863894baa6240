using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>The node answered a call with a JSON-RPC error (e.g. 1010 "transaction rejected: stale nonce …").</summary>
public sealed class RpcException : RpcClientException
{
    /// <summary>The error <paramref name="code"/> and <paramref name="message"/> the node sent for <paramref name="method"/>.</summary>
    public RpcException(string method, int code, string message, JsonElement? errorData)
        : base($"{method} failed: {message} (error {code})")
    {
        Method = method;
        Code = code;
        RpcMessage = message;
        ErrorData = errorData;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException()
        : this(string.Empty, 0, "the call failed", null)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException(string message)
        : this(string.Empty, 0, message, null)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
        RpcMessage = message;
    }

    /// <summary>The method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (-32602 invalid params, 1010 transaction rejected, …).</summary>
    public int Code { get; }

    /// <summary>The node's message, without the method prefix.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's optional <c>data</c>.</summary>
    public JsonElement? ErrorData { get; }
}
