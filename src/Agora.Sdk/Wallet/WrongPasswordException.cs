namespace Agora.Sdk.Wallet;

/// <summary>The password does not open the keyfile. Never garbage: the AEAD tag proves it.</summary>
public sealed class WrongPasswordException : Exception
{
    /// <summary>Creates the exception with the standard message.</summary>
    public WrongPasswordException()
        : base("wrong password")
    {
    }

    /// <summary>Creates an exception with a message naming the key.</summary>
    public WrongPasswordException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public WrongPasswordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
