using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>Where a submitted transaction landed.</summary>
public sealed record TransactionInclusion(Hash256 TransactionHash, ulong BlockNumber, Hash256 BlockHash);
