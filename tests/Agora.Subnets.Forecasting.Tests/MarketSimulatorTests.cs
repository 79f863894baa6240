namespace Agora.Subnets.Forecasting.Tests;

public sealed class MarketSimulatorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_series_and_another_seed_a_different_one()
    {
        var a = new MarketSimulator(42).Window(999, 1000).Select(o => o.Value).ToArray();
        var b = new MarketSimulator(42).Window(999, 1000).Select(o => o.Value).ToArray();
        var c = new MarketSimulator(43).Window(999, 1000).Select(o => o.Value).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_value_depends_on_seed_and_step_only_not_on_what_was_asked_before()
    {
        // Given one simulator asked step by step and another asked for a late step first
        var stepwise = new MarketSimulator(7);
        var stepwiseValues = Enumerable.Range(0, 600).Select(t => stepwise.ValueAt(t)).ToArray();
        var jumping = new MarketSimulator(7);
        var late = jumping.ValueAt(599);

        // Then both agree everywhere
        Assert.Equal(stepwiseValues[599], late);
        Assert.Equal(stepwiseValues, jumping.Window(599, 600).Select(o => o.Value));
    }

    [Fact]
    public void Windows_truths_and_times_line_up_on_hourly_steps_from_a_monday()
    {
        var simulator = new MarketSimulator(3);

        var window = simulator.Window(500, 336);
        var truth = simulator.Truth(500, 12);

        Assert.Equal(165, window[0].Step);
        Assert.Equal(500, window[^1].Step);
        Assert.Equal(simulator.ValueAt(500), window[^1].Value);
        Assert.Equal(simulator.ValueAt(501), truth[0]);
        Assert.Equal(simulator.ValueAt(512), truth[^1]);
        Assert.Equal(MarketCalendar.Epoch.AddHours(500), window[^1].Time);
        Assert.Equal(DayOfWeek.Monday, MarketCalendar.TimeOf(0).DayOfWeek);
        Assert.Equal(0, MarketCalendar.DayOfWeek(MarketCalendar.TimeOf(0)));
        Assert.Equal(6, MarketCalendar.DayOfWeek(MarketCalendar.TimeOf((24 * 6) + 23)));
        Assert.Equal(23, MarketCalendar.HourOfDay(MarketCalendar.TimeOf((24 * 6) + 23)));
    }

    [Fact]
    public void The_series_changes_repeat_daily_more_than_at_any_other_short_lag()
    {
        // One-step changes of a seasonal series correlate with those a day earlier (the seasonal cycle repeats),
        // far more than with those half a day earlier; averaged over several seeds.
        double[] daily = new double[5], halfDay = new double[5];
        for (var s = 0; s < 5; s++)
        {
            var values = new MarketSimulator(100UL + (ulong)s).Window(4031, 4032).Select(o => o.Value).ToArray();
            var changes = values.Skip(1).Zip(values, (next, prev) => next - prev).ToArray();
            daily[s] = Autocorrelation(changes, 24);
            halfDay[s] = Autocorrelation(changes, 12);
        }

        Assert.All(daily, r => Assert.True(r > 0.2, $"lag-24 autocorrelation {r:F3} should be clearly positive"));
        Assert.True(daily.Average() > halfDay.Average() + 0.3, $"lag 24: {daily.Average():F3}, lag 12: {halfDay.Average():F3}");
    }

    [Fact]
    public void Regimes_switch_like_a_markov_chain_and_volatile_ones_move_more_than_calm_ones()
    {
        var simulator = new MarketSimulator(11);
        const int steps = 20_000;
        var regimes = Enumerable.Range(0, steps).Select(t => simulator.RegimeAt(t)).ToArray();
        var changes = Enumerable.Range(1, steps - 1).Select(t => Math.Abs(simulator.ValueAt(t) - simulator.ValueAt(t - 1))).ToArray();

        // Expected switches: (1 − 0.98) × 20,000 = 400.
        var switches = regimes.Skip(1).Zip(regimes, (next, prev) => next != prev).Count(x => x);
        Assert.InRange(switches, 300, 500);
        Assert.All(Enum.GetValues<MarketRegime>(), r => Assert.True(regimes.Count(x => x == r) > steps / 6, $"{r} should hold for a fair share of steps"));

        double MeanChangeIn(MarketRegime regime) =>
            Enumerable.Range(1, steps - 1).Where(t => regimes[t] == regime && regimes[t - 1] == regime).Average(t => changes[t - 1]);
        Assert.True(MeanChangeIn(MarketRegime.Volatile) > 2 * MeanChangeIn(MarketRegime.Calm));
    }

    [Fact]
    public void Steps_outside_the_simulated_range_are_refused()
    {
        var simulator = new MarketSimulator(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.ValueAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.ValueAt(MarketSimulator.StepMax + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Window(10, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Window(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Truth(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => simulator.Truth(0, 0));
    }

    [Fact]
    public void Seeded_normal_draws_have_mean_zero_and_variance_one()
    {
        var draws = Enumerable.Range(0, 20_000).Select(i => SeededRandom.Normal(5, i, 3)).ToArray();
        var mean = draws.Average();
        var variance = draws.Average(x => (x - mean) * (x - mean));

        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
        Assert.Equal(draws[123], SeededRandom.Normal(5, 123, 3));
    }

    private static double Autocorrelation(double[] x, int lag)
    {
        var mean = x.Average();
        var denominator = x.Sum(v => (v - mean) * (v - mean));
        var numerator = 0.0;
        for (var i = lag; i < x.Length; i++)
            numerator += (x[i] - mean) * (x[i - lag] - mean);
        return numerator / denominator;
    }
}
