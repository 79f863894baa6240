namespace Agora.Subnets.Forecasting.Tests;

public sealed class ForecastScorerTests
{
    [Fact]
    public void The_error_is_the_mean_absolute_error_over_the_windows_mean_one_step_change()
    {
        // Given a window whose one-step changes are all 1, truth (10, 10) and a forecast (11, 8)
        var request = Requests.FromValues(Requests.ZigZag(40), 2);

        // Then MAE = (1 + 2) / 2 = 1.5, over a scale of 1, and the score is 1 / (1 + 1.5) = 0.4
        Assert.Equal(1.5, ForecastScorer.ScaledError(request, [10, 10], new ForecastResponse([11, 8])));
        Assert.Equal(0.4, ForecastScorer.Score(request, [10, 10], new ForecastResponse([11, 8])), 1e-12);
        Assert.Equal(1.0, ForecastScorer.Score(request, [10, 10], new ForecastResponse([10, 10])));
    }

    [Fact]
    public void The_error_does_not_depend_on_the_series_level_or_size()
    {
        var request = new MarketSimulator(3).Request("s", 600, 336, 4);
        var truth = new MarketSimulator(3).Truth(600, 4);
        var forecast = new ForecastResponse([.. truth.Select((v, i) => v + i - 1.5)]);
        static double Move(double v) => (1000 * v) - 5;

        var error = ForecastScorer.ScaledError(request, truth, forecast);
        var movedError = ForecastScorer.ScaledError(
            request with { Window = [.. request.Window.Select(o => o with { Value = Move(o.Value) })] },
            [.. truth.Select(Move)],
            new ForecastResponse([.. forecast.Values.Select(Move)]));

        Assert.NotNull(error);
        Assert.True(error > 0);
        Assert.Equal(error.Value, movedError!.Value, 1e-9);
    }

    public static TheoryData<string> BadResponses => ["missing", "null values", "short", "long", "nan", "infinity"];

    [Theory]
    [MemberData(nameof(BadResponses))]
    public void A_missing_or_malformed_response_has_no_error_and_scores_zero(string kind)
    {
        var request = Requests.FromValues(Requests.ZigZag(40), 3);
        var response = kind switch
        {
            "missing" => null,
            "null values" => new ForecastResponse(null!),
            "short" => new ForecastResponse([10, 10]),
            "long" => new ForecastResponse([10, 10, 10, 10]),
            "nan" => new ForecastResponse([10, double.NaN, 10]),
            _ => new ForecastResponse([10, double.NegativeInfinity, 10]),
        };

        Assert.Null(ForecastScorer.ScaledError(request, [10, 10, 10], response));
        Assert.Equal(0.0, ForecastScorer.Score(request, [10, 10, 10], response));
    }

    [Fact]
    public void A_flat_window_scores_one_for_an_exact_forecast_and_zero_otherwise()
    {
        var request = Requests.FromValues([.. Enumerable.Repeat(3.0, 40)], 2);

        Assert.Equal(0.0, ForecastScorer.ScaledError(request, [3, 3], new ForecastResponse([3, 3])));
        Assert.Equal(double.PositiveInfinity, ForecastScorer.ScaledError(request, [3, 3], new ForecastResponse([3, 3.1])));
        Assert.Equal(0.0, ForecastScorer.Score(request, [3, 3], new ForecastResponse([3, 3.1])));
    }

    [Fact]
    public void A_truth_that_does_not_match_the_horizon_is_a_validator_bug()
    {
        var request = Requests.FromValues(Requests.ZigZag(40), 2);

        var tooShort = Assert.Throws<ArgumentException>(() => ForecastScorer.ScaledError(request, [1], new ForecastResponse([1, 1])));
        var notFinite = Assert.Throws<ArgumentException>(() => ForecastScorer.ScaledError(request, [1, double.NaN], new ForecastResponse([1, 1])));

        Assert.Equal("truth", tooShort.ParamName);
        Assert.Equal("truth", notFinite.ParamName);
    }

    [Fact]
    public void Scores_of_impossible_errors_are_zero()
    {
        Assert.Equal(0.0, ForecastScorer.Score(null));
        Assert.Equal(0.0, ForecastScorer.Score(double.NaN));
        Assert.Equal(0.0, ForecastScorer.Score(-1.0));
        Assert.Equal(0.5, ForecastScorer.Score(1.0));
    }

    [Fact]
    public void The_moving_average_starts_at_the_first_score_then_leans_alpha_toward_each_new_one()
    {
        Assert.Equal(0.8, ForecastScorer.UpdateMovingAverage(null, 0.8, 0.1));
        Assert.Equal((0.9 * 0.8) + (0.1 * 0.3), ForecastScorer.UpdateMovingAverage(0.8, 0.3, 0.1), 1e-15);
        Assert.Equal(0.3, ForecastScorer.UpdateMovingAverage(0.8, 0.3, 1.0));
    }

    [Fact]
    public void The_moving_average_refuses_a_bad_alpha_or_score()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastScorer.UpdateMovingAverage(0.5, 0.5, 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastScorer.UpdateMovingAverage(0.5, 0.5, 1.5)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastScorer.UpdateMovingAverage(0.5, 0.5, double.NaN)).ParamName);
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastScorer.UpdateMovingAverage(0.5, -0.1)).ParamName);
        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastScorer.UpdateMovingAverage(0.5, double.NaN)).ParamName);
    }

    [Fact]
    public void A_round_updates_the_queried_miners_and_leaves_the_others()
    {
        double?[] averages = [0.5, null, 0.2];

        var updated = ForecastScorer.UpdateMovingAverages(averages, [1.0, 0.4, null], 0.5);

        Assert.Equal([0.75, 0.4, 0.2], updated);
        Assert.Equal([0.5, null, 0.2], averages);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => ForecastScorer.UpdateMovingAverages(averages, [1.0], 0.5)).ParamName);
    }

    [Fact]
    public void Weights_are_proportional_to_scores_with_the_best_at_u16_max()
    {
        Assert.Equal([65535, 32768, 0, 16384], WeightNormalizer.ToWeights([0.8, 0.4, 0, 0.2]));
        Assert.Equal([0, 65535, 0, 0, 0], WeightNormalizer.ToWeights([null, 0.1, double.NaN, -3, double.PositiveInfinity]));
        Assert.Equal([0, 0], WeightNormalizer.ToWeights([0, null]));
        Assert.Empty(WeightNormalizer.ToWeights([]));
    }
}
