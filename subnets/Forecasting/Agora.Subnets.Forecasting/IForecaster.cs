namespace Agora.Subnets.Forecasting;

/// <summary>A forecasting miner's model: answers one request with one prediction per step ahead.</summary>
public interface IForecaster
{
    /// <summary>A short name for logs and reports ("last-value", "autoregressive", "gradient-boosted").</summary>
    string Name { get; }

    /// <summary>Predicts the <paramref name="request"/>'s horizon; throws <see cref="ArgumentException"/> for a bad request.</summary>
    ValueTask<ForecastResponse> ForwardAsync(ForecastRequest request, CancellationToken cancellationToken);
}
