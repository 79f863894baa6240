namespace Agora.Runtime.Execution;

/// <summary>A block that breaks the rules: it is refused whole and changes nothing.</summary>
public sealed class InvalidBlockException : Exception
{
    /// <summary>Creates the error naming what is wrong.</summary>
    public InvalidBlockException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public InvalidBlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error with no message.</summary>
    public InvalidBlockException()
    {
    }
}
