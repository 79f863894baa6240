namespace Agora.Subnets.Forecasting;

/// <summary>One observed value of a series: its step index, the time it stands for, and the value.</summary>
/// <param name="Step">The step index from the series' start (hourly steps in the market simulator).</param>
/// <param name="Time">The time the step stands for; forecasters take calendar features (hour, weekday) from it.</param>
/// <param name="Value">The observed value.</param>
public readonly record struct Observation(long Step, DateTimeOffset Time, double Value);
