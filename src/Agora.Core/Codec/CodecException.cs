namespace Agora.Core.Codec;

/// <summary>Input bytes that do not decode: truncated, oversized, trailing or out-of-range. Says which field.</summary>
public sealed class CodecException : Exception
{
    /// <summary>Creates the error with a message naming the field and what was wrong.</summary>
    public CodecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    public CodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error with no message.</summary>
    public CodecException()
    {
    }
}
