namespace Agora.Node.Rpc;

/// <summary>
/// Thrown by a method handler to answer with a JSON-RPC error: a code, a message that names what was
/// wrong and how to fix it, and optional structured data. Any other exception becomes an internal error
/// whose details go to the node log only.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>An error with a code from <see cref="RpcErrorCodes"/> or an application code.</summary>
    public RpcException(int code, string message, object? errorData = null)
        : base(message)
    {
        Code = code;
        ErrorData = errorData;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException()
        : this(RpcErrorCodes.CallFailed, "the call failed")
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException(string message)
        : this(RpcErrorCodes.CallFailed, message)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with a code.</summary>
    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = RpcErrorCodes.CallFailed;
    }

    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; }

    /// <summary>The optional <c>data</c> member of the error, serialized like results (snake_case).</summary>
    public object? ErrorData { get; }

    /// <summary>An invalid-params error (-32602) with a message saying what was wrong.</summary>
    public static RpcException InvalidParams(string message, object? errorData = null) =>
        new(RpcErrorCodes.InvalidParams, message, errorData);
}
