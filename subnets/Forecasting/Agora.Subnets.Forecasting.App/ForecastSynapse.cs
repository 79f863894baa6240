using Agora.Sdk.Synapses;

namespace Agora.Subnets.Forecasting.App;

/// <summary>The forecasting subnet's one synapse, shared by miner and validator.</summary>
public static class ForecastSynapse
{
    /// <summary><c>POST /synapse/forecast</c>: a window of the series in, the next values out.</summary>
    public static readonly Synapse<ForecastRequest, ForecastResponse> Forecast = new("forecast");
}
