namespace Agora.Sdk.Subnets;

/// <summary>A validator host's options (configuration section <c>Validator</c>, or the root).</summary>
public sealed class ValidatorHostOptions : SubnetHostOptions
{
    /// <summary>Time between query rounds.</summary>
    public TimeSpan QueryInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Time each miner has to answer a query.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Blocks between weight submissions; 0 uses the subnet's tempo + 1 (once per epoch).</summary>
    public ulong WeightsIntervalBlocks { get; set; }

    /// <summary>The weight of a new score in each uid's moving average.</summary>
    public double MovingAverageAlpha { get; set; } = 0.1;
}
