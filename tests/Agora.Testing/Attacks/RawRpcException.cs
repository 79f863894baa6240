namespace Agora.Testing.Attacks;

/// <summary>A JSON-RPC error or a transport failure seen by <see cref="RawRpc"/>.</summary>
public sealed class RawRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RawRpcException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RawRpcException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RawRpcException()
    {
    }
}
