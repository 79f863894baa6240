using Agora.Sdk.Dendrite;

namespace Agora.Sdk.Subnets;

/// <summary>
/// What a subnet's validator does each round of the <see cref="ValidatorHost{TRequest, TResponse}"/>: make the query,
/// then score the answers. Scores may come later than the round that asked (a forecast is scored when the truth
/// arrives), so <see cref="Score"/> returns updates for any earlier round's uids, each naming the hotkey it scored.
/// </summary>
/// <typeparam name="TRequest">The synapse's request record.</typeparam>
/// <typeparam name="TResponse">The synapse's response record.</typeparam>
public interface ISubnetValidator<TRequest, TResponse>
{
    /// <summary>The request every serving miner gets in <paramref name="round"/>.</summary>
    TRequest CreateQuery(ValidatorRound round);

    /// <summary>
    /// Scores in [0, 1] from this round's <paramref name="results"/> (in the order the miners were queried) and any
    /// earlier round's answers that can be judged now; an empty list when nothing can be scored yet.
    /// </summary>
    IReadOnlyList<ScoreUpdate> Score(ValidatorRound round, TRequest request, IReadOnlyList<DendriteResult<TResponse>> results);
}
