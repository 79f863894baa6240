namespace Agora.Subnets.Forecasting.Tests;

/// <summary>
/// The property the end-to-end test relies on: over many seeded queries on series no miner trained on, better models
/// make smaller errors, earn higher scores and get larger weights. Deterministic: seeded series, seeded training.
/// </summary>
public sealed class ModelRankingTests
{
    private const int _queryCount = 200;

    [Fact]
    public async Task Over_200_queries_errors_rank_gradient_boosted_below_autoregressive_below_last_value_by_a_clear_margin()
    {
        var lastValue = (await Evaluation.ErrorsAsync(new LastValueForecaster(), _queryCount)).Average();
        var autoregressive = (await Evaluation.ErrorsAsync(new AutoregressiveForecaster(), _queryCount)).Average();
        var gradientBoosted = (await Evaluation.ErrorsAsync(TrainedModel.Default, _queryCount)).Average();

        // Measured at h = 12: about 3.35, 2.41 and 1.77; each better model at least 15% below the next.
        Assert.True(gradientBoosted < 0.85 * autoregressive, $"gradient-boosted {gradientBoosted:F3} vs autoregressive {autoregressive:F3}");
        Assert.True(autoregressive < 0.85 * lastValue, $"autoregressive {autoregressive:F3} vs last value {lastValue:F3}");
    }

    [Fact]
    public async Task A_validator_s_moving_averages_and_weights_rank_the_models_the_other_way()
    {
        // Given three miners (uids 0, 1, 2) scored on the same queries in turn, as a validator does
        IForecaster[] miners = [new LastValueForecaster(), new AutoregressiveForecaster(), TrainedModel.Default];
        var averages = new double?[miners.Length];
        for (var i = 0; i < _queryCount; i++)
        {
            var (request, truth) = Evaluation.Query(i);
            var scores = new double?[miners.Length];
            for (var uid = 0; uid < miners.Length; uid++)
                scores[uid] = ForecastScorer.Score(request, truth, await miners[uid].ForwardAsync(request, CancellationToken.None));
            averages = ForecastScorer.UpdateMovingAverages(averages, scores);
        }

        // Then the averages and the weights rise with model quality, the best at u16 max
        Assert.True(averages[2] > averages[1] && averages[1] > averages[0], string.Join(", ", averages));
        var weights = WeightNormalizer.ToWeights(averages);
        Assert.Equal(ushort.MaxValue, weights[2]);
        Assert.True(weights[1] < weights[2] && weights[0] < weights[1], string.Join(", ", weights));
    }

    [Fact]
    public async Task The_ranking_holds_at_the_shortest_useful_and_the_longest_horizon()
    {
        // At one step ahead the seasonal cycle barely moves and the models are close; from six steps on it holds.
        foreach (var horizon in new[] { 6, ForecastRequest.HorizonMax })
        {
            var lastValue = (await Evaluation.ErrorsAsync(new LastValueForecaster(), _queryCount, horizon)).Average();
            var autoregressive = (await Evaluation.ErrorsAsync(new AutoregressiveForecaster(), _queryCount, horizon)).Average();
            var gradientBoosted = (await Evaluation.ErrorsAsync(TrainedModel.Default, _queryCount, horizon)).Average();

            Assert.True(gradientBoosted < autoregressive && autoregressive < lastValue, $"h = {horizon}: {gradientBoosted:F3}, {autoregressive:F3}, {lastValue:F3}");
        }
    }
}
