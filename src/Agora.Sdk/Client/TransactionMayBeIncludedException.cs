using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>
/// A submission whose first attempt failed in transit was refused on retry as a stale nonce: the node already
/// included a transaction with that nonce — this one (the first attempt arrived) or another. Look for
/// <see cref="TransactionHash"/> in recent blocks before signing again.
/// </summary>
public sealed class TransactionMayBeIncludedException : RpcClientException
{
    /// <summary>Transaction <paramref name="transactionHash"/> was retried after <paramref name="firstFailure"/> and refused by <paramref name="staleNonce"/>.</summary>
    public TransactionMayBeIncludedException(Hash256 transactionHash, Exception firstFailure, RpcException staleNonce)
        : base($"author_submitTransaction: the first attempt failed in transit ({firstFailure.Message}) and the retry was refused ({staleNonce.RpcMessage}): transaction {transactionHash} or another with its nonce was included; look for it in recent blocks (TransactionSender.WaitForInclusionAsync) before signing again", staleNonce)
    {
        TransactionHash = transactionHash;
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the hash.</summary>
    public TransactionMayBeIncludedException()
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the hash.</summary>
    public TransactionMayBeIncludedException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the exception pattern; prefer the constructor with the hash.</summary>
    public TransactionMayBeIncludedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The hash of the signed transaction that was submitted.</summary>
    public Hash256 TransactionHash { get; }
}
