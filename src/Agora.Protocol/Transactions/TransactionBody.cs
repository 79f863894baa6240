using Agora.Core.Primitives;

namespace Agora.Protocol.Transactions;

/// <summary>The signed fields of a transaction, apart from version and scheme which the codec fixes.</summary>
public sealed record TransactionBody(AccountId Sender, ulong Nonce, Era Era, Rao Tip, Call Call);
