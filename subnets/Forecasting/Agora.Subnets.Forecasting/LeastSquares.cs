namespace Agora.Subnets.Forecasting;

/// <summary>Ordinary least squares through the normal equations, solved by Gaussian elimination with partial pivoting.</summary>
internal static class LeastSquares
{
    /// <summary>
    /// The coefficients β minimising |y − Xβ|² for the rows of <paramref name="design"/> (n × m) and
    /// <paramref name="target"/> (n), with a tiny ridge so that collinear columns do not break the solve; null when the
    /// system is singular even so.
    /// </summary>
    public static double[]? Fit(double[,] design, double[] target)
    {
        var n = design.GetLength(0);
        var m = design.GetLength(1);
        var normal = new double[m, m + 1];
        for (var r = 0; r < n; r++)
        {
            for (var i = 0; i < m; i++)
            {
                var xi = design[r, i];
                for (var j = i; j < m; j++)
                    normal[i, j] += xi * design[r, j];
                normal[i, m] += xi * target[r];
            }
        }

        var trace = 0.0;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < i; j++)
                normal[i, j] = normal[j, i];
            trace += normal[i, i];
        }

        var ridge = 1e-9 * (trace / m);
        for (var i = 0; i < m; i++)
            normal[i, i] += ridge;
        return Solve(normal, m);
    }

    // Solves the m × m system held in an m × (m + 1) augmented matrix, in place.
    private static double[]? Solve(double[,] a, int m)
    {
        for (var col = 0; col < m; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < m; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                    pivot = r;
            }

            if (Math.Abs(a[pivot, col]) < 1e-300)
                return null;
            if (pivot != col)
            {
                for (var j = col; j <= m; j++)
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var r = col + 1; r < m; r++)
            {
                var factor = a[r, col] / a[col, col];
                for (var j = col; j <= m; j++)
                    a[r, j] -= factor * a[col, j];
            }
        }

        var beta = new double[m];
        for (var i = m - 1; i >= 0; i--)
        {
            var sum = a[i, m];
            for (var j = i + 1; j < m; j++)
                sum -= a[i, j] * beta[j];
            beta[i] = sum / a[i, i];
        }

        return beta.All(double.IsFinite) ? beta : null;
    }
}
