namespace Agora.Subnets.Forecasting;

/// <summary>
/// A seeded market series with learnable structure, hourly steps from <see cref="MarketCalendar.Epoch"/>:
/// <c>value = level + scale × (trend + seasonal + noise)</c>, where the trend integrates a slowly drifting slope,
/// the regime's drift and a random-walk shock; the seasonal part is a daily cycle (damped on weekends) plus a weekly
/// cycle; the noise is AR(1); and a Markov chain switches the regime (calm / volatile / trending), which sets the
/// shocks' size and the drift. Every value is a function of (seed, step) alone; the chain's state makes the series
/// sequential, so the simulator computes and keeps the prefix up to the latest step asked for.
/// Thread-safe: a validator may ask for windows and truths from several tasks.
/// </summary>
public sealed class MarketSimulator
{
    /// <summary>The last step the simulator computes (114 years of hours; 8 MB of values at most).</summary>
    public const long StepMax = 1_000_000;

    /// <summary>The chance per step that the regime stays as it is (a regime lasts 50 steps on average).</summary>
    public const double RegimeStayProbability = 0.98;

    private const double _slopePersistence = 0.995;
    private const double _slopeShock = 0.002;
    private const double _trendDrift = 0.12;
    private const double _randomWalkShare = 0.4;
    private const double _noisePersistence = 0.8;

    private readonly MarketSeriesShape _shape;
    private readonly Lock _gate = new();
    private readonly List<double> _values = [];
    private readonly List<MarketRegime> _regimes = [];
    private MarketRegime _regime = MarketRegime.Calm;
    private double _trendSign = 1.0;
    private double _slope;
    private double _trend;
    private double _noise;

    /// <summary>Creates the series with this seed; two simulators with one seed produce the same values.</summary>
    public MarketSimulator(ulong seed)
    {
        Seed = seed;
        _shape = MarketSeriesShape.FromSeed(seed);
    }

    /// <summary>The seed the series is drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>The value at a step (0 … <see cref="StepMax"/>).</summary>
    public double ValueAt(long step)
    {
        lock (_gate)
        {
            ExtendTo(step);
            return _values[(int)step];
        }
    }

    /// <summary>The hidden regime at a step (for tests and reports; miners never see it).</summary>
    public MarketRegime RegimeAt(long step)
    {
        lock (_gate)
        {
            ExtendTo(step);
            return _regimes[(int)step];
        }
    }

    /// <summary>The <paramref name="length"/> observations ending at <paramref name="lastStep"/>, oldest first.</summary>
    public Observation[] Window(long lastStep, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var first = lastStep - length + 1;
        if (first < 0)
            throw new ArgumentOutOfRangeException(nameof(lastStep), lastStep, $"A window of {length} steps must end at step {length - 1} or later.");
        var window = new Observation[length];
        lock (_gate)
        {
            ExtendTo(lastStep);
            for (var i = 0; i < length; i++)
                window[i] = new Observation(first + i, MarketCalendar.TimeOf(first + i), _values[(int)(first + i)]);
        }

        return window;
    }

    /// <summary>What happens after <paramref name="lastStep"/>: the values of the next <paramref name="horizon"/> steps.</summary>
    public double[] Truth(long lastStep, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastStep, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var truth = new double[horizon];
        lock (_gate)
        {
            ExtendTo(lastStep + horizon);
            for (var k = 0; k < horizon; k++)
                truth[k] = _values[(int)(lastStep + 1 + k)];
        }

        return truth;
    }

    /// <summary>A request for the window of <paramref name="windowLength"/> steps ending at <paramref name="lastStep"/>.</summary>
    public ForecastRequest Request(string seriesId, long lastStep, int windowLength, int horizon) =>
        new(seriesId, Window(lastStep, windowLength), horizon);

    private void ExtendTo(long step)
    {
        if (step < 0 || step > StepMax)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The simulator covers steps 0 to {StepMax}; ask for a step in that range.");
        for (long t = _values.Count; t <= step; t++)
        {
            Advance(t);
            _regimes.Add(_regime);
            var x = _trend + _shape.Seasonal(t) + _noise;
            _values.Add(_shape.Level + (_shape.Scale * x));
        }
    }

    // One step of the hidden state; stream numbers keep each kind of draw independent of the others.
    private void Advance(long t)
    {
        var seed = Seed;
        if (t > 0 && SeededRandom.Uniform(seed, t, 0) >= RegimeStayProbability)
        {
            var other = SeededRandom.Uniform(seed, t, 1) < 0.5 ? 1 : 2;
            _regime = (MarketRegime)(((int)_regime + other) % 3);
            if (_regime == MarketRegime.Trending)
                _trendSign = SeededRandom.Uniform(seed, t, 2) < 0.5 ? -1.0 : 1.0;
        }

        var (shock, drift) = _regime switch
        {
            MarketRegime.Calm => (0.3, 0.0),
            MarketRegime.Volatile => (1.2, 0.0),
            _ => (0.5, _trendDrift * _trendSign),
        };
        _slope = (_slopePersistence * _slope) + (_slopeShock * SeededRandom.Normal(seed, t, 3));
        _trend += _slope + drift + (_randomWalkShare * shock * SeededRandom.Normal(seed, t, 4));
        _noise = (_noisePersistence * _noise) + (shock * SeededRandom.Normal(seed, t, 5));
    }
}
