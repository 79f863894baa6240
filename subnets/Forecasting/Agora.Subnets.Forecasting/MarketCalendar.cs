namespace Agora.Subnets.Forecasting;

/// <summary>
/// How the market simulator's steps map to time: hourly steps from a Monday midnight (UTC). Forecasters read calendar
/// features from <see cref="Observation.Time"/>, so they do not depend on this mapping.
/// </summary>
public static class MarketCalendar
{
    /// <summary>Hours in a day: the daily cycle's period in steps.</summary>
    public const int HoursPerDay = 24;

    /// <summary>Days in a week.</summary>
    public const int DaysPerWeek = 7;

    /// <summary>Hours in a week: the weekly cycle's period in steps.</summary>
    public const int HoursPerWeek = HoursPerDay * DaysPerWeek;

    /// <summary>The time of step 0: Monday 5 January 2026, 00:00 UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time step <paramref name="step"/> stands for.</summary>
    public static DateTimeOffset TimeOf(long step) => Epoch.AddHours(step);

    /// <summary>The hour of the day (0–23, UTC) of a time.</summary>
    public static int HourOfDay(DateTimeOffset time) => time.UtcDateTime.Hour;

    /// <summary>The day of the week with Monday = 0 … Sunday = 6.</summary>
    public static int DayOfWeek(DateTimeOffset time) => ((int)time.UtcDateTime.DayOfWeek + 6) % DaysPerWeek;
}
