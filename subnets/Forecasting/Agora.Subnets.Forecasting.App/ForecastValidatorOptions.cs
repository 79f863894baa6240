namespace Agora.Subnets.Forecasting.App;

/// <summary>What the forecasting validator asks (configuration keys of the same names).</summary>
public sealed class ForecastValidatorOptions
{
    /// <summary>The simulated market's seed.</summary>
    public ulong Seed { get; set; } = 0x464f_5245;

    /// <summary>The simulator step of round 0's last observation; round r asks about step <c>StartStep + r · StepsPerRound</c>.</summary>
    public long StartStep { get; set; } = ForecastRequest.WindowLengthMax;

    /// <summary>Observations per window.</summary>
    public int WindowLength { get; set; } = ForecastRequest.WindowLengthDefault;

    /// <summary>Steps forecast; a round's forecasts are scored once that many steps have passed.</summary>
    public int Horizon { get; set; } = ForecastRequest.HorizonDefault;

    /// <summary>
    /// Simulated steps per round: 1 by default (truth arrives <see cref="Horizon"/> rounds later); larger values
    /// sample more market regimes in fewer rounds.
    /// </summary>
    public int StepsPerRound { get; set; } = 1;
}
