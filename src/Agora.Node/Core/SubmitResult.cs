using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Node.Core;

/// <summary>The outcome of submitting a transaction: its hash when admitted, the rejection otherwise.</summary>
public sealed record SubmitResult(Hash256? Hash, TxRejection? Rejection)
{
    /// <summary>True when the transaction now waits in the pool.</summary>
    public bool Accepted => Rejection is null;
}
