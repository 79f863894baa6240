using System.Collections.Immutable;

namespace Agora.Sdk.Subnets;

/// <summary>What one validator round did.</summary>
/// <param name="Round">The round's number.</param>
/// <param name="Block">The block of the metagraph it used.</param>
/// <param name="Queried">Miners queried.</param>
/// <param name="Answered">Miners that answered with a response.</param>
/// <param name="Scored">Score updates applied to the moving averages.</param>
/// <param name="Scores">The moving-average score of each uid after the round.</param>
/// <param name="WeightsAction">The weights call submitted (<c>set_weights</c>, <c>commit_weights</c>, <c>reveal_weights</c>), or null.</param>
public sealed record ValidatorRoundReport(long Round, ulong Block, int Queried, int Answered, int Scored, ImmutableArray<double> Scores, string? WeightsAction);
