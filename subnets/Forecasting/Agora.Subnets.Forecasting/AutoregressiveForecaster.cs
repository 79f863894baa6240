namespace Agora.Subnets.Forecasting;

/// <summary>
/// The middle miner: a linear AR(p) fitted by least squares on each request's window, with the daily (24) and weekly
/// (168) seasonal lags added when the Bayesian information criterion says they help; forecasts recursively. Falls
/// back to the last value when no model fits.
/// </summary>
public sealed class AutoregressiveForecaster : IForecaster
{
    private readonly int[][] _lagSets;

    /// <summary>Creates the forecaster with short lags 1 … <paramref name="order"/>.</summary>
    public AutoregressiveForecaster(int order = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(order, MarketCalendar.HoursPerDay - 1);
        var shortLags = Enumerable.Range(1, order).ToArray();
        _lagSets =
        [
            shortLags,
            [.. shortLags, MarketCalendar.HoursPerDay, MarketCalendar.HoursPerDay + 1],
            [.. shortLags, MarketCalendar.HoursPerDay, MarketCalendar.HoursPerDay + 1, MarketCalendar.HoursPerWeek, MarketCalendar.HoursPerWeek + 1],
        ];
        Order = order;
    }

    /// <summary>The number of short lags.</summary>
    public int Order { get; }

    /// <inheritdoc />
    public string Name => "autoregressive";

    /// <inheritdoc />
    public ValueTask<ForecastResponse> ForwardAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        ForecastRequest.EnsureValid(request);
        var values = request.Values();
        var model = Fit(values);
        double[] forecast;
        if (model is null)
        {
            forecast = new double[request.Horizon];
            Array.Fill(forecast, values[^1]);
        }
        else
        {
            forecast = model.Forecast(values, request.Horizon);
        }

        return ValueTask.FromResult(new ForecastResponse(forecast));
    }

    /// <summary>The model this forecaster would use for a window (null when none fits).</summary>
    internal AutoregressiveModel? Fit(ReadOnlySpan<double> values) => AutoregressiveModel.Fit(values, _lagSets);
}
