namespace Agora.Subnets.Forecasting;

/// <summary>The naive miner: predicts that every future step repeats the window's last value.</summary>
public sealed class LastValueForecaster : IForecaster
{
    /// <inheritdoc />
    public string Name => "last-value";

    /// <inheritdoc />
    public ValueTask<ForecastResponse> ForwardAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        ForecastRequest.EnsureValid(request);
        var last = request.Window[^1].Value;
        var values = new double[request.Horizon];
        Array.Fill(values, last);
        return ValueTask.FromResult(new ForecastResponse(values));
    }
}
