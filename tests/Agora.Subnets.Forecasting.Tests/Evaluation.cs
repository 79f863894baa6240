namespace Agora.Subnets.Forecasting.Tests;

/// <summary>
/// The validators' view in miniature: many seeded windows from series the miners never trained on, each forecast
/// scored against what happened.
/// </summary>
internal static class Evaluation
{
    public const int WindowLength = 336;
    public const int Horizon = 12;

    /// <summary>The i-th query: series seed 1000 + i, ending somewhere in its first 20 weeks.</summary>
    public static (ForecastRequest Request, double[] Truth) Query(int i, int horizon = Horizon)
    {
        var simulator = new MarketSimulator(1000UL + (ulong)i);
        var lastStep = WindowLength + (i * 37 % 3000);
        return (simulator.Request($"series-{i}", lastStep, WindowLength, horizon), simulator.Truth(lastStep, horizon));
    }

    /// <summary>The forecaster's scaled errors (MASE) on queries 0 … count − 1.</summary>
    public static async Task<double[]> ErrorsAsync(IForecaster forecaster, int count, int horizon = Horizon)
    {
        var errors = new double[count];
        for (var i = 0; i < count; i++)
        {
            var (request, truth) = Query(i, horizon);
            var response = await forecaster.ForwardAsync(request, CancellationToken.None);
            errors[i] = ForecastScorer.ScaledError(request, truth, response) ?? double.PositiveInfinity;
        }

        return errors;
    }
}
