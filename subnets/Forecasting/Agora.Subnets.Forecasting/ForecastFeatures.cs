namespace Agora.Subnets.Forecasting;

/// <summary>
/// The gradient-boosted miner's features for one window and one step ahead k. Differences are divided by the window's
/// scale (mean absolute one-step change) so one model serves series of any level and size; the model predicts the
/// scaled change from the last value, <c>(y[n−1+k] − y[n−1]) / scale</c>.
/// </summary>
internal sealed class ForecastFeatures
{
    /// <summary>How many features each row carries.</summary>
    public const int Count = 20;

    private const int _pastDaysMax = 7;
    private static readonly int[] _differenceLags = [1, 3, 6, 12, 24];

    private readonly double[] _values;
    private readonly double[] _hourProfile;
    private readonly DateTimeOffset _originTime;
    private readonly TimeSpan _stepLength;
    private readonly double _windowMean;
    private readonly double _recentMean;
    private readonly double _recentChangeSpread;
    private readonly double _recentChangeMean;
    private readonly double _shortChangeMean;

    /// <summary>Summarises a window (values and their times, oldest first, at least 25 observations).</summary>
    public ForecastFeatures(ReadOnlySpan<double> values, ReadOnlySpan<DateTimeOffset> times)
    {
        if (values.Length < MarketCalendar.HoursPerDay + 1 || values.Length != times.Length)
            throw new ArgumentException($"A window needs at least {MarketCalendar.HoursPerDay + 1} values with one time each; found {values.Length} values and {times.Length} times.", nameof(values));
        _values = values.ToArray();
        var n = _values.Length;
        _originTime = times[^1];
        _stepLength = (times[^1] - times[0]) / (n - 1);

        var absoluteChange = 0.0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += _values[i];
            if (i > 0)
                absoluteChange += Math.Abs(_values[i] - _values[i - 1]);
        }

        _windowMean = sum / n;
        var scale = absoluteChange / (n - 1);
        Scale = scale > 1e-12 * Math.Max(1.0, Math.Abs(_windowMean)) ? scale : 1.0;

        var day = MarketCalendar.HoursPerDay;
        _recentMean = Mean(n - day, n);
        var changes = new double[day];
        for (var i = 0; i < day; i++)
            changes[i] = _values[n - day + i] - _values[n - day + i - 1];
        _recentChangeMean = changes.Average();
        _recentChangeSpread = Math.Sqrt(changes.Sum(c => (c - _recentChangeMean) * (c - _recentChangeMean)) / day);
        _shortChangeMean = changes.AsSpan(day - 6).ToArray().Average();
        _hourProfile = HourProfile(times);
    }

    /// <summary>The window's scale: mean absolute one-step change (1 for a flat window).</summary>
    public double Scale { get; }

    /// <summary>The window's last value, which the model's scaled change is added to.</summary>
    public double LastValue => _values[^1];

    /// <summary>Writes the features for step <paramref name="k"/> ahead (1 … <see cref="ForecastRequest.HorizonMax"/>).</summary>
    public void Write(int k, Span<float> features)
    {
        var n = _values.Length;
        var last = _values[n - 1];
        var target = _originTime + (_stepLength * k);
        var f = 0;
        features[f++] = k;
        features[f++] = MarketCalendar.HourOfDay(target);
        features[f++] = MarketCalendar.DayOfWeek(target);
        features[f++] = MarketCalendar.HourOfDay(_originTime);
        features[f++] = MarketCalendar.DayOfWeek(_originTime);
        foreach (var lag in _differenceLags)
            features[f++] = Scaled(last - _values[n - 1 - Math.Min(lag, n - 1)]);

        var day = MarketCalendar.HoursPerDay;
        features[f++] = Scaled(_values[n - 1 + k - day] - last);
        var yesterday = Transition(k, 1);
        features[f++] = Scaled(yesterday);
        features[f++] = Scaled(n - 1 - MarketCalendar.HoursPerWeek >= 0 ? Transition(k, MarketCalendar.DaysPerWeek) : yesterday);
        features[f++] = Scaled(MeanPastTransition(k));
        features[f++] = Scaled(_hourProfile[MarketCalendar.HourOfDay(target)] - _hourProfile[MarketCalendar.HourOfDay(_originTime)]);
        features[f++] = Scaled(_recentMean - last);
        features[f++] = Scaled(_recentChangeSpread);
        features[f++] = Scaled(_recentChangeMean);
        features[f++] = Scaled(_shortChangeMean);
        features[f++] = Scaled(last - _windowMean);
    }

    // The change from the origin's time of day to the target's, d days ago (needs n − 1 − 24·d ≥ 0).
    private double Transition(int k, int daysAgo)
    {
        var origin = _values.Length - 1 - (MarketCalendar.HoursPerDay * daysAgo);
        return _values[origin + k] - _values[origin];
    }

    private double MeanPastTransition(int k)
    {
        var sum = 0.0;
        var count = 0;
        for (var d = 1; d <= _pastDaysMax && _values.Length - 1 - (MarketCalendar.HoursPerDay * d) >= 0; d++, count++)
            sum += Transition(k, d);
        return sum / count;
    }

    // Mean by hour of day of the values less their day's mean, over the last whole days of the window.
    private double[] HourProfile(ReadOnlySpan<DateTimeOffset> times)
    {
        var day = MarketCalendar.HoursPerDay;
        var sums = new double[day];
        var counts = new int[day];
        var n = _values.Length;
        for (var end = n; end - day >= 0; end -= day)
        {
            var dayMean = Mean(end - day, end);
            for (var i = end - day; i < end; i++)
            {
                var hour = MarketCalendar.HourOfDay(times[i]);
                sums[hour] += _values[i] - dayMean;
                counts[hour]++;
            }
        }

        for (var h = 0; h < day; h++)
            sums[h] = counts[h] == 0 ? 0.0 : sums[h] / counts[h];
        return sums;
    }

    private double Mean(int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
            sum += _values[i];
        return sum / (to - from);
    }

    private float Scaled(double change) => (float)(change / Scale);
}
