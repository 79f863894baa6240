namespace Agora.Sdk.Client;

/// <summary>A call failed transiently on every attempt that <see cref="RpcClientOptions.RetryCountMax"/> allows; the last failure is the inner exception.</summary>
public sealed class RpcRetriesExhaustedException : RpcClientException
{
    /// <summary><paramref name="method"/> failed <paramref name="attempts"/> times, the last with <paramref name="lastFailure"/>.</summary>
    public RpcRetriesExhaustedException(string method, int attempts, Exception lastFailure)
        : base($"{method}: gave up after {attempts} attempts ({attempts - 1} retries, RetryCountMax); the last failure: {lastFailure.Message}", lastFailure)
    {
        Method = method;
        Attempts = attempts;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the method.</summary>
    public RpcRetriesExhaustedException()
    {
        Method = string.Empty;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the method.</summary>
    public RpcRetriesExhaustedException(string message)
        : base(message)
    {
        Method = string.Empty;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the method.</summary>
    public RpcRetriesExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
    }

    /// <summary>The method that kept failing.</summary>
    public string Method { get; }

    /// <summary>How many times it was sent.</summary>
    public int Attempts { get; }
}
