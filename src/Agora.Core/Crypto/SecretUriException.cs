namespace Agora.Core.Crypto;

/// <summary>A secret URI was rejected; <see cref="Error"/> says why and the message says how to fix it.</summary>
public sealed class SecretUriException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SecretUriException(SecretUriError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception with no details (for serializers and analyzers).</summary>
    public SecretUriException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public SecretUriException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public SecretUriException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was wrong.</summary>
    public SecretUriError Error { get; }
}
