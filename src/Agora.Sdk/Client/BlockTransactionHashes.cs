using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The part of <c>chain_getBlock</c> that inclusion checks read.</summary>
internal sealed record BlockTransactionHashes(IReadOnlyList<TransactionHashOnly> Transactions);

/// <summary>A transaction's hash within <c>chain_getBlock</c>.</summary>
internal sealed record TransactionHashOnly(Hash256 Hash);
