using System.Collections.Immutable;

namespace Agora.Sdk.Subnets;

/// <summary>Weights ready for <c>set_weights</c> or a commitment: non-zero weights only, uids ascending, max-upscaled to 65,535.</summary>
/// <param name="Uids">The uids, ascending.</param>
/// <param name="Weights">The weight of each uid in <paramref name="Uids"/>.</param>
public sealed record NormalizedWeights(ImmutableArray<ushort> Uids, ImmutableArray<ushort> Weights);
