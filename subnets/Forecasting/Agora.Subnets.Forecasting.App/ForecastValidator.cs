using Agora.Core.Primitives;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Subnets;

namespace Agora.Subnets.Forecasting.App;

/// <summary>
/// Sends each round the window of a simulated series ending one step later than the round before (simulated time:
/// one step per round, or <see cref="ForecastValidatorOptions.StepsPerRound"/>), keeps the answers, and scores them
/// with <see cref="ForecastScorer"/> once the horizon's truth has happened, <see cref="ForecastValidatorOptions.Horizon"/>
/// steps later.
/// </summary>
public sealed class ForecastValidator : ISubnetValidator<ForecastRequest, ForecastResponse>
{
    private readonly ForecastValidatorOptions _options;
    private readonly MarketSimulator _market;
    private readonly Queue<Asked> _awaitingTruth = new();

    /// <summary>A validator asking as <paramref name="options"/> say.</summary>
    public ForecastValidator(ForecastValidatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StepsPerRound < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StepsPerRound, "StepsPerRound must be at least 1");
        }

        _options = options;
        _market = new MarketSimulator(options.Seed);
    }

    /// <inheritdoc />
    public ForecastRequest CreateQuery(ValidatorRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _market.Request($"market-{_options.Seed}", Now(round), _options.WindowLength, _options.Horizon);
    }

    /// <inheritdoc />
    public IReadOnlyList<ScoreUpdate> Score(ValidatorRound round, ForecastRequest request, IReadOnlyList<DendriteResult<ForecastResponse>> results)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(results);
        _awaitingTruth.Enqueue(new Asked(Now(round), request, [.. results.Select(r => (r.Target.Uid!.Value, r.Target.Hotkey, r.Response))]));
        var updates = new List<ScoreUpdate>();
        while (_awaitingTruth.TryPeek(out var asked) && asked.LastStep + _options.Horizon <= Now(round))
        {
            _awaitingTruth.Dequeue();
            var truth = _market.Truth(asked.LastStep, _options.Horizon);
            updates.AddRange(asked.Answers.Select(a => new ScoreUpdate(a.Uid, a.Hotkey, ForecastScorer.Score(asked.Request, truth, a.Response))));
        }

        return updates;
    }

    private long Now(ValidatorRound round) => _options.StartStep + (round.Number * _options.StepsPerRound);

    private sealed record Asked(long LastStep, ForecastRequest Request, (ushort Uid, AccountId Hotkey, ForecastResponse? Response)[] Answers);
}
