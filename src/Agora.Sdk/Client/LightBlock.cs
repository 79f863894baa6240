using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The light form of <c>chain_getBlock [hash, "hashes"]</c>: the header and the transactions' hashes only.</summary>
/// <param name="Header">The block's header.</param>
/// <param name="Transactions">The hashes of the block's transactions, in block order.</param>
public sealed record LightBlock(BlockHeader Header, IReadOnlyList<Hash256> Transactions);
