namespace Agora.Subnets.Forecasting.Tests;

/// <summary>One gradient-boosted model for the whole test run: training takes seconds, and the result is deterministic.</summary>
internal static class TrainedModel
{
    private static readonly Lazy<GradientBoostedForecaster> _model = new(() => GradientBoostedForecaster.Train());

    public static GradientBoostedForecaster Default => _model.Value;
}
