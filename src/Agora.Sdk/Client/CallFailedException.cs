namespace Agora.Sdk.Client;

/// <summary>A transaction was included but its call failed (<see cref="CallFailure"/>); it paid its fee and changed nothing else.</summary>
public sealed class CallFailedException : RpcClientException
{
    /// <summary>The failure of the transaction included as <paramref name="inclusion"/>.</summary>
    public CallFailedException(TransactionInclusion inclusion, CallFailure failure)
        : base($"transaction {inclusion?.TransactionHash} was included in block #{inclusion?.BlockNumber} but its call failed: {failure}; it paid its fee and changed nothing else")
    {
        Inclusion = inclusion;
        Failure = failure;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the failure.</summary>
    public CallFailedException()
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the failure.</summary>
    public CallFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the failure.</summary>
    public CallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the transaction landed.</summary>
    public TransactionInclusion? Inclusion { get; }

    /// <summary>The module and error.</summary>
    public CallFailure? Failure { get; }
}
