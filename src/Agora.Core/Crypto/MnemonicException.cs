namespace Agora.Core.Crypto;

/// <summary>A mnemonic phrase was rejected; <see cref="Error"/> says why and the message says how to fix it.</summary>
public sealed class MnemonicException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MnemonicException(MnemonicError error, string message, int position = 0, string? word = null)
        : base(message)
    {
        Error = error;
        Position = position;
        Word = word;
    }

    /// <summary>Creates an exception with a message only (for serializers and analyzers).</summary>
    public MnemonicException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public MnemonicException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public MnemonicException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was wrong.</summary>
    public MnemonicError Error { get; }

    /// <summary>The 1-based position of the offending word, or 0.</summary>
    public int Position { get; }

    /// <summary>The offending word, if one is to blame.</summary>
    public string? Word { get; }
}
