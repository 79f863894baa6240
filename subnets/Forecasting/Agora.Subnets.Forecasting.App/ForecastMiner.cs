using Agora.Sdk.Axon;
using Agora.Sdk.Subnets;

namespace Agora.Subnets.Forecasting.App;

/// <summary>A miner answering with one of the library's forecasters.</summary>
/// <param name="forecaster">The model.</param>
public sealed class ForecastMiner(IForecaster forecaster) : ISubnetMiner<ForecastRequest, ForecastResponse>
{
    /// <summary>The forecaster for <c>--model</c>: <c>last</c>, <c>ar</c> or <c>gbt</c> (trained at start-up).</summary>
    public static IForecaster Create(string model) => model switch
    {
        "last" => new LastValueForecaster(),
        "ar" => new AutoregressiveForecaster(),
        "gbt" => GradientBoostedForecaster.Train(),
        _ => throw new ArgumentException($"unknown model '{model}'; use --model last, ar or gbt", nameof(model)),
    };

    /// <inheritdoc />
    public ValueTask<ForecastResponse> ForwardAsync(ForecastRequest request, SynapseContext context, CancellationToken cancellationToken) =>
        forecaster.ForwardAsync(request, cancellationToken);
}
