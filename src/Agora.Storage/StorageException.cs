namespace Agora.Storage;

/// <summary>
/// The store cannot be used as it is: locked by another process, corrupt, or inconsistent. The message says what
/// was expected, what was found and what to do. Never a user error; the node stops.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException()
    {
    }

    /// <summary>Creates the exception with a message that names the fix.</summary>
    public StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the fix and the underlying cause.</summary>
    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
