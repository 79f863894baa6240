namespace Agora.Subnets.Forecasting;

/// <summary>
/// The forecasting synapse's response: the predicted values for the <see cref="ForecastRequest.Horizon"/> steps after
/// the window, nearest first. A response of another length, or with a value that is not finite, scores 0.
/// </summary>
/// <param name="Values">The predictions, one per step ahead.</param>
public sealed record ForecastResponse(IReadOnlyList<double> Values);
