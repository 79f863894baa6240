namespace Agora.Subnets.Forecasting;

/// <summary>
/// The forecasting synapse's request: the last observations of a series, oldest first, and how many steps
/// after the last one to predict. JSON-friendly (System.Text.Json reads and writes it as is).
/// </summary>
/// <param name="SeriesId">Which series the window comes from (opaque to miners; the validator keeps the truth by it).</param>
/// <param name="Window">The last observations, oldest first, on consecutive steps.</param>
/// <param name="Horizon">How many steps after the window's last one to predict (1 = the next step).</param>
public sealed record ForecastRequest(string SeriesId, IReadOnlyList<Observation> Window, int Horizon)
{
    /// <summary>The window length validators send unless configured otherwise: two weeks of hours, so weekly lags exist.</summary>
    public const int WindowLengthDefault = 336;

    /// <summary>The horizon validators ask for unless configured otherwise: half a day of hours.</summary>
    public const int HorizonDefault = 12;

    /// <summary>The fewest observations a request may carry: a day and a bit, so daily lags exist.</summary>
    public const int WindowLengthMin = 32;

    /// <summary>The most observations a request may carry (12 weeks of hours); bounds a miner's work per call.</summary>
    public const int WindowLengthMax = 2016;

    /// <summary>The farthest a request may ask to see (one day of hourly steps).</summary>
    public const int HorizonMax = 24;

    /// <summary>
    /// What is wrong with this request, or null when a forecaster can answer it: window length and horizon
    /// within their limits, consecutive steps, finite values.
    /// </summary>
    public string? Problem()
    {
        if (Window is null || Window.Count < WindowLengthMin || Window.Count > WindowLengthMax)
            return $"the window must hold {WindowLengthMin} to {WindowLengthMax} observations, found {Window?.Count ?? 0}; send a longer or shorter window";
        if (Horizon < 1 || Horizon > HorizonMax)
            return $"the horizon must be 1 to {HorizonMax} steps, found {Horizon}; ask for fewer steps";
        for (var i = 0; i < Window.Count; i++)
        {
            if (!double.IsFinite(Window[i].Value))
                return $"observation {i} (step {Window[i].Step}) is not a finite number; send finite values";
            if (i > 0 && Window[i].Step != Window[i - 1].Step + 1)
                return $"observation {i} is at step {Window[i].Step}, expected {Window[i - 1].Step + 1}; send consecutive steps, oldest first";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <see cref="Problem"/> finds one.</summary>
    public static void EnsureValid(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = request.Problem();
        if (problem is not null)
            throw new ArgumentException($"Bad forecast request for series '{request.SeriesId}': {problem}.", nameof(request));
    }

    /// <summary>The window's values, oldest first.</summary>
    public double[] Values()
    {
        var values = new double[Window.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = Window[i].Value;
        return values;
    }
}
