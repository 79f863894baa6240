namespace Agora.Sdk.Wallet;

/// <summary>A wallet operation was refused (missing wallet, existing key, bad name); the message says how to fix it.</summary>
public sealed class WalletException : Exception
{
    /// <summary>Creates an exception with no details.</summary>
    public WalletException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WalletException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public WalletException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
