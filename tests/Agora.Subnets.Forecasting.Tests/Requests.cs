namespace Agora.Subnets.Forecasting.Tests;

/// <summary>Requests built from plain values, on hourly steps from the market calendar's epoch.</summary>
internal static class Requests
{
    public static ForecastRequest FromValues(IReadOnlyList<double> values, int horizon, long firstStep = 0) =>
        new("test", [.. values.Select((v, i) => new Observation(firstStep + i, MarketCalendar.TimeOf(firstStep + i), v))], horizon);

    /// <summary>A zig-zag window whose one-step changes are all exactly 1 (so its naive scale is 1).</summary>
    public static double[] ZigZag(int length, double level = 10) =>
        [.. Enumerable.Range(0, length).Select(i => level + (i % 2))];
}
