namespace Agora.Sdk.Wallet;

/// <summary>A keyfile is malformed, of an unknown version, or was modified; the message names the file and the fix.</summary>
public sealed class KeyfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyfileException(KeyfileError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception with no details.</summary>
    public KeyfileException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public KeyfileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public KeyfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was wrong.</summary>
    public KeyfileError Error { get; }
}
