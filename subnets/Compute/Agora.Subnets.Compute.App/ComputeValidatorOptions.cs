namespace Agora.Subnets.Compute.App;

/// <summary>What the compute validator asks (configuration keys of the same names).</summary>
public sealed class ComputeValidatorOptions
{
    /// <summary>The seed of the validator's tasks and of its Freivalds vectors.</summary>
    public ulong Seed { get; set; } = 0x434f_4d50;

    /// <summary>Rows of A.</summary>
    public int Rows { get; set; } = 64;

    /// <summary>Columns of A, rows of B.</summary>
    public int Inner { get; set; } = 64;

    /// <summary>Columns of B.</summary>
    public int Cols { get; set; } = 64;

    /// <summary>The latency at which a correct answer scores ½ (after it, 0).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(10);
}
