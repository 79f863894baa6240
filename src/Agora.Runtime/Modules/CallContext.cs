using Agora.Core.Primitives;
using Agora.Runtime.Execution;

namespace Agora.Runtime.Modules;

/// <summary>What a call's handler knows about the transaction that carries it.</summary>
/// <param name="Block">The block being built.</param>
/// <param name="Sender">The signer of the transaction.</param>
/// <param name="Payer">The account that paid the fee: the sender, or the owner of a signing hotkey.</param>
public sealed record CallContext(BlockContext Block, AccountId Sender, AccountId Payer);
