namespace Agora.Subnets.Forecasting.Tests;

public sealed class ForecasterTests
{
    public static TheoryData<string> Names => ["last-value", "autoregressive", "gradient-boosted"];

    private static IForecaster Named(string name) => name switch
    {
        "last-value" => new LastValueForecaster(),
        "autoregressive" => new AutoregressiveForecaster(),
        _ => TrainedModel.Default,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_forecaster_returns_one_finite_value_per_step_ahead(string name)
    {
        var forecaster = Named(name);
        Assert.Equal(name, forecaster.Name);
        foreach (var (windowLength, horizon) in new[] { (ForecastRequest.WindowLengthMin, 1), (100, 7), (ForecastRequest.WindowLengthDefault, ForecastRequest.HorizonMax), (1000, 12) })
        {
            var request = new MarketSimulator(77).Request("s", 1200, windowLength, horizon);

            var response = await forecaster.ForwardAsync(request, CancellationToken.None);

            Assert.Equal(horizon, response.Values.Count);
            Assert.All(response.Values, v => Assert.True(double.IsFinite(v)));
        }
    }

    [Fact]
    public async Task The_last_value_forecaster_repeats_the_last_value()
    {
        var request = new MarketSimulator(5).Request("s", 400, 48, 3);

        var response = await new LastValueForecaster().ForwardAsync(request, CancellationToken.None);

        Assert.Equal(Enumerable.Repeat(request.Window[^1].Value, 3), response.Values);
    }

    [Fact]
    public void The_autoregressive_fit_recovers_known_coefficients()
    {
        // Given x[t] = 0.6 x[t−1] − 0.3 x[t−2] + small seeded noise
        var x = new double[600];
        for (var t = 2; t < x.Length; t++)
            x[t] = (0.6 * x[t - 1]) - (0.3 * x[t - 2]) + (0.1 * SeededRandom.Normal(1, t, 0));

        // When an AR(2) without seasonal lags is fitted
        var model = AutoregressiveModel.Fit(x, [[1, 2]]);

        // Then the least-squares coefficients are close to the true ones
        Assert.NotNull(model);
        Assert.Equal([1, 2], model.Lags);
        Assert.Equal(0.6, model.Coefficients[1], 0.08);
        Assert.Equal(-0.3, model.Coefficients[2], 0.08);
    }

    [Fact]
    public void The_autoregressive_forecaster_keeps_the_daily_lags_on_a_seasonal_series_and_drops_them_on_a_plain_one()
    {
        var forecaster = new AutoregressiveForecaster();
        var seasonal = new MarketSimulator(21).Window(999, ForecastRequest.WindowLengthDefault).Select(o => o.Value).ToArray();
        var plain = new double[ForecastRequest.WindowLengthDefault];
        for (var t = 1; t < plain.Length; t++)
            plain[t] = (0.5 * plain[t - 1]) + SeededRandom.Normal(2, t, 0);

        Assert.Contains(MarketCalendar.HoursPerDay, forecaster.Fit(seasonal)!.Lags);
        Assert.DoesNotContain(MarketCalendar.HoursPerDay, forecaster.Fit(plain)!.Lags);
    }

    [Fact]
    public async Task The_autoregressive_forecaster_answers_a_flat_window_with_its_value()
    {
        var request = Requests.FromValues([.. Enumerable.Repeat(5.0, 64)], 4);

        var response = await new AutoregressiveForecaster().ForwardAsync(request, CancellationToken.None);

        Assert.All(response.Values, v => Assert.Equal(5.0, v, 1e-9));
    }

    [Fact]
    public void The_autoregressive_order_must_leave_room_below_the_daily_lag()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutoregressiveForecaster(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutoregressiveForecaster(MarketCalendar.HoursPerDay));
    }

    [Fact]
    public async Task Gradient_boosted_training_is_deterministic()
    {
        // Given two models trained from the same (small) options
        var options = new GradientBoostedOptions { TrainingSeriesCount = 2, WindowsPerSeries = 30, NumberOfTrees = 20 };
        var first = GradientBoostedForecaster.Train(options);
        var second = GradientBoostedForecaster.Train(options);
        var request = new MarketSimulator(31).Request("s", 900, ForecastRequest.WindowLengthDefault, ForecastRequest.HorizonMax);

        // Then they forecast bit for bit alike
        var a = await first.ForwardAsync(request, CancellationToken.None);
        var b = await second.ForwardAsync(request, CancellationToken.None);
        Assert.Equal(2 * 30 * ForecastRequest.HorizonMax, first.TrainingRowCount);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public async Task The_gradient_boosted_forecast_follows_the_series_level_and_size()
    {
        // Given a window, and the same window ten times larger and shifted up by 1,000
        var request = new MarketSimulator(41).Request("s", 700, ForecastRequest.WindowLengthDefault, 12);
        var moved = request with { Window = [.. request.Window.Select(o => o with { Value = (10 * o.Value) + 1000 })] };

        var forecast = await TrainedModel.Default.ForwardAsync(request, CancellationToken.None);
        var movedForecast = await TrainedModel.Default.ForwardAsync(moved, CancellationToken.None);

        // Then the forecast moves with it (features are scaled changes, so only rounding differs)
        for (var k = 0; k < 12; k++)
            Assert.Equal((10 * forecast.Values[k]) + 1000, movedForecast.Values[k], 1e-6 * Math.Abs(movedForecast.Values[k]));
    }

    public static TheoryData<string, string> BadOptions => new()
    {
        { "series", "series count, windows per series and stride must be at least 1" },
        { "window", "the window length must be 32 to 2016, found 10" },
        { "horizon", "the horizon must be 1 to 24, found 25" },
        { "trees", "trees and minimum leaf count must be at least 1" },
        { "rate", "the learning rate positive" },
        { "steps", "past the simulator's 1000000" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_training_options_are_refused_with_their_problem(string kind, string expected)
    {
        var options = kind switch
        {
            "series" => new GradientBoostedOptions { TrainingSeriesCount = 0 },
            "window" => new GradientBoostedOptions { WindowLength = 10 },
            "horizon" => new GradientBoostedOptions { Horizon = 25 },
            "trees" => new GradientBoostedOptions { NumberOfTrees = 0 },
            "rate" => new GradientBoostedOptions { LearningRate = double.NaN },
            _ => new GradientBoostedOptions { WindowsPerSeries = 200_000, WindowStride = 10 },
        };

        var error = Assert.Throws<ArgumentException>(() => GradientBoostedForecaster.Train(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }
}
