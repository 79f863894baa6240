namespace Agora.Subnets.Forecasting;

/// <summary>
/// One series' fixed parameters, drawn from its seed: level, scale and the amplitudes of the daily and weekly cycles.
/// The cycles' shapes are tables shared by all series (one market, many instruments).
/// </summary>
internal sealed record MarketSeriesShape(double Level, double Scale, double DailyAmplitude, double WeeklyAmplitude)
{
    /// <summary>The intraday profile by UTC hour: quiet night, morning ramp, afternoon peak, evening fall.</summary>
    public static readonly double[] DailyProfile =
    [
        -1.0, -1.1, -1.2, -1.2, -1.1, -0.9, -0.5, 0.0, 0.5, 0.9, 1.1, 1.2,
        1.1, 1.0, 1.1, 1.3, 1.4, 1.2, 0.8, 0.4, 0.0, -0.3, -0.6, -0.8,
    ];

    /// <summary>The weekly profile, Monday first: a weekday plateau and a weekend dip.</summary>
    public static readonly double[] WeeklyProfile = [0.3, 0.5, 0.6, 0.5, 0.2, -1.0, -1.1];

    /// <summary>On Saturdays and Sundays the daily cycle runs at this fraction of its weekday amplitude.</summary>
    public const double WeekendDailyFactor = 0.4;

    /// <summary>Draws the parameters of the series with this seed.</summary>
    public static MarketSeriesShape FromSeed(ulong seed) => new(
        Level: 50.0 + (450.0 * SeededRandom.Uniform(seed, -1, 0)),
        Scale: 0.5 + (4.5 * SeededRandom.Uniform(seed, -1, 1)),
        DailyAmplitude: 2.0 + SeededRandom.Uniform(seed, -1, 2),
        WeeklyAmplitude: 1.0 + SeededRandom.Uniform(seed, -1, 3));

    /// <summary>The seasonal part, in units of <see cref="Scale"/>, at a step.</summary>
    public double Seasonal(long step)
    {
        var hour = (int)(step % MarketCalendar.HoursPerDay);
        var day = (int)(step / MarketCalendar.HoursPerDay % MarketCalendar.DaysPerWeek);
        var daily = DailyAmplitude * DailyProfile[hour] * (day >= 5 ? WeekendDailyFactor : 1.0);
        return daily + (WeeklyAmplitude * WeeklyProfile[day]);
    }
}
