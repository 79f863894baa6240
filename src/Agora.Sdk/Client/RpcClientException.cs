namespace Agora.Sdk.Client;

/// <summary>
/// Base of every error the RPC client reports; its message says what went wrong and what to do, so a
/// command can print it as is.
/// </summary>
public class RpcClientException : Exception
{
    /// <summary>An error with a message that names the fix.</summary>
    public RpcClientException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message that names the fix, and its cause.</summary>
    public RpcClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Required by the exception pattern; prefer a message.</summary>
    public RpcClientException()
    {
    }
}
