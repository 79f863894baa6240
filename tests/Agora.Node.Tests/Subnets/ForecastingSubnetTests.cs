using Agora.Subnets.Forecasting;
using Agora.Subnets.Forecasting.App;

namespace Agora.Node.Tests.Subnets;

public sealed class ForecastingSubnetTests
{
    [Fact]
    public async Task The_validator_ranks_gradient_boosted_above_autoregressive_above_last_value()
    {
        var miners = new[] { "last", "ar", "gbt" }.Select(model => new ForecastMiner(ForecastMiner.Create(model))).ToArray();
        // A horizon of steps per round: each round's forecasts are judged the next round, and 150 rounds span about
        // 36 market regimes (consecutive windows of one regime rank the models by luck); a slow average keeps them all.
        var options = new ForecastValidatorOptions { Horizon = ForecastRequest.HorizonDefault, StepsPerRound = ForecastRequest.HorizonDefault };
        var validator = new ForecastValidator(options);

        var scores = await ExampleSubnetRun.RunAsync(ForecastSynapse.Forecast, validator, miners, rounds: 150, movingAverageAlpha: 0.02);

        var (last, ar, gbt) = (scores[1], scores[2], scores[3]);
        Assert.True(last > 0, $"last value scored {last}");
        Assert.True(ar > last, $"autoregressive {ar} should beat last value {last}");
        Assert.True(gbt > ar, $"gradient-boosted {gbt} should beat autoregressive {ar}");
    }

    [Fact]
    public void Forecasts_are_scored_only_once_the_truth_of_their_horizon_has_happened()
    {
        var validator = new ForecastValidator(new ForecastValidatorOptions { Horizon = 2 });
        var metagraph = Agora.Sdk.Metagraph.MetagraphSnapshot.From(new Agora.Sdk.Client.Metagraph(1, 0, []));
        var miner = new Agora.Sdk.Dendrite.AxonTarget(1, Agora.Node.Tests.Sdk.SubnetHostChain.Account("//Forecaster"), "127.0.0.1", 1);
        var scored = new List<int>();

        for (var round = 0; round < 4; round++)
        {
            var asked = new Agora.Sdk.Subnets.ValidatorRound(round, metagraph, 0);
            var request = validator.CreateQuery(asked);
            var answer = new ForecastResponse([request.Window[^1].Value, request.Window[^1].Value]);
            var result = new Agora.Sdk.Dendrite.DendriteResult<ForecastResponse>(miner, Agora.Sdk.Dendrite.DendriteStatus.Success, 200, null, null, TimeSpan.Zero, answer);
            scored.Add(validator.Score(asked, request, [result]).Count);
        }

        // Horizon 2: round 0's forecast is judged in round 2, round 1's in round 3.
        Assert.Equal([0, 0, 1, 1], scored);
    }

    [Fact]
    public void Steps_per_round_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastValidator(new ForecastValidatorOptions { StepsPerRound = 0 }));

    [Fact]
    public void An_unknown_model_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => ForecastMiner.Create("oracle"));

        Assert.Contains("last, ar or gbt", error.Message, StringComparison.Ordinal);
    }
}
