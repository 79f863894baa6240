using Agora.Protocol.Transactions;

namespace Agora.Node.Core;

/// <summary>
/// A submission after <see cref="NodeCore.Prepare(ReadOnlySpan{byte})"/>: either a decoded transaction whose
/// signature verified, ready for <see cref="NodeCore.Admit"/>, or the rejection that already settles it.
/// </summary>
public sealed class PreparedTransaction
{
    private PreparedTransaction(SignedTransaction? transaction, TxRejection? rejection)
    {
        Transaction = transaction;
        Rejection = rejection;
    }

    /// <summary>The transaction, when it passed the stateless checks (signature included).</summary>
    public SignedTransaction? Transaction { get; }

    /// <summary>Why it was rejected, when it did not.</summary>
    public TxRejection? Rejection { get; }

    internal static PreparedTransaction Verified(SignedTransaction transaction) => new(transaction, null);

    internal static PreparedTransaction Rejected(TxRejection rejection) => new(null, rejection);
}
