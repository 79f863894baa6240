using Agora.Sdk.Metagraph;

namespace Agora.Sdk.Subnets;

/// <summary>One round of a validator's query loop.</summary>
/// <param name="Number">Rounds since the host started, from 0.</param>
/// <param name="Metagraph">The metagraph synced at the start of the round.</param>
/// <param name="ValidatorUid">The validator's own uid.</param>
public sealed record ValidatorRound(long Number, MetagraphSnapshot Metagraph, ushort ValidatorUid);
