using Agora.Runtime.Transactions;

namespace Agora.Node.Core;

/// <summary>A transaction in the pool with its admission order (the tie-break after tip).</summary>
internal sealed record PooledTransaction(SignedTransaction Transaction, long Sequence)
{
    public ulong Tip => Transaction.Body.Tip.Value;

    public ulong Nonce => Transaction.Body.Nonce;
}
