namespace Agora.Subnets.Forecasting;

/// <summary>
/// A linear autoregression on a window's values around their mean: <c>z[t] = c + Σ a_j · z[t − lag_j]</c>.
/// </summary>
/// <param name="Lags">The lags used, ascending.</param>
/// <param name="Coefficients">The intercept first, then one coefficient per lag.</param>
/// <param name="Mean">The window's mean, subtracted before fitting and added back to forecasts.</param>
internal sealed record AutoregressiveModel(int[] Lags, double[] Coefficients, double Mean)
{
    /// <summary>
    /// Fits each lag set by least squares on the same rows of <paramref name="values"/> and keeps the one with the
    /// lowest Bayesian information criterion, so the seasonal lags stay only when they pay for their parameters.
    /// Null when no lag set fits (too short a window, or a singular system).
    /// </summary>
    public static AutoregressiveModel? Fit(ReadOnlySpan<double> values, IReadOnlyList<int[]> lagSets)
    {
        var mean = 0.0;
        foreach (var v in values)
            mean += v;
        mean /= values.Length;
        var centred = new double[values.Length];
        for (var i = 0; i < centred.Length; i++)
            centred[i] = values[i] - mean;

        var length = values.Length;
        var usable = lagSets.Where(lags => RowsFor(length, lags[^1]) >= MinimumRows(lags.Length)).ToArray();
        if (usable.Length == 0)
            return null;
        var firstRow = usable.Max(lags => lags[^1]);
        var rows = values.Length - firstRow;

        AutoregressiveModel? best = null;
        var bestCriterion = double.PositiveInfinity;
        foreach (var lags in usable)
        {
            var design = new double[rows, lags.Length + 1];
            var target = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                var t = firstRow + r;
                design[r, 0] = 1.0;
                for (var j = 0; j < lags.Length; j++)
                    design[r, j + 1] = centred[t - lags[j]];
                target[r] = centred[t];
            }

            var beta = LeastSquares.Fit(design, target);
            if (beta is null)
                continue;
            var model = new AutoregressiveModel(lags, beta, mean);
            var residualSquares = 0.0;
            for (var r = 0; r < rows; r++)
            {
                var e = target[r] - model.PredictCentred(centred, firstRow + r);
                residualSquares += e * e;
            }

            var criterion = (rows * Math.Log(Math.Max(residualSquares / rows, 1e-300))) + (beta.Length * Math.Log(rows));
            if (criterion < bestCriterion)
            {
                bestCriterion = criterion;
                best = model;
            }
        }

        return best;
    }

    /// <summary>Forecasts <paramref name="horizon"/> steps after <paramref name="values"/>, feeding each prediction back in.</summary>
    public double[] Forecast(ReadOnlySpan<double> values, int horizon)
    {
        var buffer = new double[values.Length + horizon];
        for (var i = 0; i < values.Length; i++)
            buffer[i] = values[i] - Mean;
        var forecast = new double[horizon];
        for (var k = 0; k < horizon; k++)
        {
            var t = values.Length + k;
            buffer[t] = PredictCentred(buffer, t);
            forecast[k] = buffer[t] + Mean;
        }

        return forecast;
    }

    private double PredictCentred(double[] centred, int t)
    {
        var sum = Coefficients[0];
        for (var j = 0; j < Lags.Length; j++)
            sum += Coefficients[j + 1] * centred[t - Lags[j]];
        return sum;
    }

    private static int RowsFor(int length, int maxLag) => length - maxLag;

    // Enough rows per parameter that the fit means something.
    private static int MinimumRows(int lagCount) => (4 * (lagCount + 1)) + 8;
}
