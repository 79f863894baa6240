using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Agora.Subnets.Forecasting;

/// <summary>
/// The best miner: an ML.NET FastTree regression on lag, seasonal-transition, rolling and calendar features
/// (<see cref="ForecastFeatures"/>), trained at start-up on series it simulates with its own seeds, one model for
/// every step ahead (the step is a feature). Training is single-threaded and seeded, so it is deterministic.
/// </summary>
public sealed class GradientBoostedForecaster : IForecaster
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly Lock _gate = new();

    private GradientBoostedForecaster(MLContext ml, ITransformer model, int trainingRowCount)
    {
        _ml = ml;
        _model = model;
        TrainingRowCount = trainingRowCount;
    }

    /// <inheritdoc />
    public string Name => "gradient-boosted";

    /// <summary>How many rows the model was trained on.</summary>
    public int TrainingRowCount { get; }

    /// <summary>Simulates the training series and fits the ensemble (a few seconds with the default options).</summary>
    public static GradientBoostedForecaster Train(GradientBoostedOptions? options = null)
    {
        options ??= new GradientBoostedOptions();
        var problem = options.Problem();
        if (problem is not null)
            throw new ArgumentException($"Bad gradient-boosted training options: {problem}.", nameof(options));

        var rows = TrainingRows(options);
        var ml = new MLContext(seed: options.Seed);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(rows));
        return new GradientBoostedForecaster(ml, model, rows.Count);
    }

    /// <inheritdoc />
    public ValueTask<ForecastResponse> ForwardAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        ForecastRequest.EnsureValid(request);
        var times = new DateTimeOffset[request.Window.Count];
        for (var i = 0; i < times.Length; i++)
            times[i] = request.Window[i].Time;
        var window = new ForecastFeatures(request.Values(), times);
        var rows = new FeatureRow[request.Horizon];
        for (var k = 1; k <= request.Horizon; k++)
        {
            rows[k - 1] = new FeatureRow { Features = new float[ForecastFeatures.Count] };
            window.Write(k, rows[k - 1].Features);
        }

        float[] scores;
        lock (_gate)
            scores = [.. _model.Transform(_ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score")];

        var forecast = new double[request.Horizon];
        for (var k = 0; k < forecast.Length; k++)
            forecast[k] = window.LastValue + (window.Scale * scores[k]);
        return ValueTask.FromResult(new ForecastResponse(forecast));
    }

    // Every k from 1 to the horizon at each training window's end.
    private static List<FeatureRow> TrainingRows(GradientBoostedOptions options)
    {
        var rows = new List<FeatureRow>(options.TrainingSeriesCount * options.WindowsPerSeries * options.Horizon);
        for (var s = 0; s < options.TrainingSeriesCount; s++)
        {
            var simulator = new MarketSimulator(options.TrainingSeedFirst + (ulong)s);
            var lastStepMax = options.WindowLength - 1 + ((long)(options.WindowsPerSeries - 1) * options.WindowStride);
            var series = simulator.Window(lastStepMax + options.Horizon, (int)(lastStepMax + options.Horizon + 1));
            var values = series.Select(o => o.Value).ToArray();
            var times = series.Select(o => o.Time).ToArray();
            for (var w = 0; w < options.WindowsPerSeries; w++)
            {
                var last = options.WindowLength - 1 + (w * options.WindowStride);
                var first = last - options.WindowLength + 1;
                var window = new ForecastFeatures(values.AsSpan(first, options.WindowLength), times.AsSpan(first, options.WindowLength));
                for (var k = 1; k <= options.Horizon; k++)
                {
                    var row = new FeatureRow
                    {
                        Features = new float[ForecastFeatures.Count],
                        Label = (float)((values[last + k] - window.LastValue) / window.Scale),
                    };
                    window.Write(k, row.Features);
                    rows.Add(row);
                }
            }
        }

        return rows;
    }
}
