namespace Agora.Subnets.Forecasting;

/// <summary>
/// How the gradient-boosted miner trains at start-up: on which simulated series (its own seeds, not the validators'),
/// how many windows, and the size of the tree ensemble. The defaults train in a few seconds on one core.
/// </summary>
public sealed record GradientBoostedOptions
{
    /// <summary>How many simulated series to learn from.</summary>
    public int TrainingSeriesCount { get; init; } = 8;

    /// <summary>The first training series' seed; the others follow it.</summary>
    public ulong TrainingSeedFirst { get; init; } = 0x4742_0000_0000_0000;

    /// <summary>The window length of each training example (the validators' default window).</summary>
    public int WindowLength { get; init; } = ForecastRequest.WindowLengthDefault;

    /// <summary>How many windows each training series yields.</summary>
    public int WindowsPerSeries { get; init; } = 100;

    /// <summary>Steps between consecutive training windows' last steps.</summary>
    public int WindowStride { get; init; } = 7;

    /// <summary>Steps ahead trained for (every k from 1 to this, one model for all).</summary>
    public int Horizon { get; init; } = ForecastRequest.HorizonMax;

    /// <summary>Trees in the ensemble.</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 24;

    /// <summary>The fewest training rows a leaf may hold.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>Shrinkage per tree.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>The ML.NET context's seed: one seed, one model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>What is wrong with these options, or null when training can start.</summary>
    public string? Problem()
    {
        if (TrainingSeriesCount < 1 || WindowsPerSeries < 1 || WindowStride < 1)
            return $"series count, windows per series and stride must be at least 1, found {TrainingSeriesCount}, {WindowsPerSeries}, {WindowStride}";
        if (WindowLength < ForecastRequest.WindowLengthMin || WindowLength > ForecastRequest.WindowLengthMax)
            return $"the window length must be {ForecastRequest.WindowLengthMin} to {ForecastRequest.WindowLengthMax}, found {WindowLength}";
        if (Horizon < 1 || Horizon > ForecastRequest.HorizonMax)
            return $"the horizon must be 1 to {ForecastRequest.HorizonMax}, found {Horizon}";
        if (NumberOfTrees < 1 || NumberOfLeaves < 2 || MinimumExampleCountPerLeaf < 1 || !(LearningRate > 0))
            return "trees and minimum leaf count must be at least 1, leaves at least 2, and the learning rate positive";
        var lastStep = WindowLength - 1 + ((long)(WindowsPerSeries - 1) * WindowStride) + Horizon;
        if (lastStep > MarketSimulator.StepMax)
            return $"the training series would run to step {lastStep}, past the simulator's {MarketSimulator.StepMax}; use fewer windows or a shorter stride";
        return null;
    }
}
