using System.Text.Json;
using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The part of <c>chain_getBlock</c> that inclusion checks read: transaction hashes and the events.</summary>
internal sealed record BlockTransactionHashes(IReadOnlyList<TransactionHashOnly> Transactions, IReadOnlyList<JsonElement>? Events);

/// <summary>A transaction's hash within <c>chain_getBlock</c>.</summary>
internal sealed record TransactionHashOnly(Hash256 Hash);
