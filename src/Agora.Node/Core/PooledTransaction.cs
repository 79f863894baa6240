using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Node.Core;

/// <summary>
/// A transaction in the pool: its admission order (the tie-break after tip), the payer it reserves
/// <see cref="Cost"/> from, and whether it is ready (its sender's nonces up to it are all used or waiting).
/// </summary>
internal sealed class PooledTransaction(SignedTransaction transaction, long sequence, AccountId payer, ulong cost)
{
    public SignedTransaction Transaction { get; } = transaction;

    public long Sequence { get; } = sequence;

    public AccountId Payer { get; } = payer;

    /// <summary>The most it can take from its payer's free balance (fee + tip + call spend), in rao.</summary>
    public ulong Cost { get; } = cost;

    /// <summary>True when no nonce gap stands before it; otherwise it waits in the future queue.</summary>
    public bool IsReady { get; set; }

    public AccountId Sender => Transaction.Sender;

    public ulong Tip => Transaction.Body.Tip.Value;

    public ulong Nonce => Transaction.Body.Nonce;

    public ulong LastValidBlock => Transaction.Body.Era.LastValidBlock;

    public int Bytes => Transaction.Encoded.Length;
}
