using System.Diagnostics;

namespace Agora.Node.Core;

/// <summary>What one payer's waiting transactions can take from its free balance, and which they are.</summary>
internal sealed class PayerReservation
{
    // Lowest nonce first, then arrival: Max is the one to give up first when the payer can no longer pay for all.
    private static readonly Comparer<PooledTransaction> ByNonce = Comparer<PooledTransaction>.Create((x, y) =>
    {
        var byNonce = x!.Nonce.CompareTo(y!.Nonce);
        return byNonce != 0 ? byNonce : x.Sequence.CompareTo(y.Sequence);
    });

    public SortedSet<PooledTransaction> Transactions { get; } = new(ByNonce);

    /// <summary>The sum of <see cref="PooledTransaction.Cost"/> over <see cref="Transactions"/>, in rao.</summary>
    public ulong Reserved { get; private set; }

    public void Add(PooledTransaction pooled)
    {
        var added = Transactions.Add(pooled);
        Debug.Assert(added, "a transaction is reserved once");
        Reserved = checked(Reserved + pooled.Cost);
    }

    public void Remove(PooledTransaction pooled)
    {
        if (!Transactions.Remove(pooled))
        {
            throw new InvalidOperationException($"transaction {pooled.Transaction.Hash} is not reserved against its payer {pooled.Payer}");
        }

        Reserved = checked(Reserved - pooled.Cost);
    }
}
