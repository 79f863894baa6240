using Agora.Core.Primitives;

namespace Agora.Sdk.Subnets;

/// <summary>Weights a validator committed to and must reveal in the commit's window.</summary>
/// <param name="Hash">The committed hash.</param>
/// <param name="Weights">The weights hashed.</param>
/// <param name="Salt">The salt hashed.</param>
/// <param name="VersionKey">The version key hashed.</param>
/// <param name="SubmittedAtBlock">The best block when the commit was sent (it lands later).</param>
internal sealed record PendingReveal(Hash256 Hash, NormalizedWeights Weights, byte[] Salt, ulong VersionKey, ulong SubmittedAtBlock);
