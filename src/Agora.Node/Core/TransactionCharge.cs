using Agora.Core.Primitives;
using Agora.Runtime.Execution;

namespace Agora.Node.Core;

/// <summary>
/// What admitting a transaction reserves from its payer, judged on the best state: the pool admits it only when the
/// payer's free balance covers this cost plus what its other waiting transactions reserve.
/// </summary>
/// <param name="Payer">The account that pays: the sender, or the owner of a signing hotkey.</param>
/// <param name="PayerFree">The payer's free balance at the best block.</param>
/// <param name="Cost">The most the transaction can take from the payer.</param>
/// <param name="Hotkey">The signing hotkey when the payer is its owner, for the rejection message.</param>
public sealed record TransactionCharge(AccountId Payer, Rao PayerFree, TransactionCost Cost, AccountId? Hotkey = null);
