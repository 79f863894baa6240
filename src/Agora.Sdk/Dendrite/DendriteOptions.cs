namespace Agora.Sdk.Dendrite;

/// <summary>Limits of a <see cref="DendriteClient"/>.</summary>
public sealed record DendriteOptions
{
    /// <summary>Time for one axon to answer, unless a call passes its own.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Time to open a connection to an axon (within the call's timeout).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest response body read; a larger one is a <see cref="DendriteStatus.BadResponse"/>.</summary>
    public int ResponseBytesMax { get; init; } = 16 * 1024 * 1024;

    /// <summary>Axons called at once by one fan-out; the rest wait for a slot.</summary>
    public int ParallelCallsMax { get; init; } = 256;

    /// <summary>Throws naming the option that is out of range.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"dendrite options: Timeout ({Timeout}) and ConnectTimeout ({ConnectTimeout}) must be positive");
        }

        if (ResponseBytesMax <= 0 || ParallelCallsMax <= 0)
        {
            throw new InvalidOperationException($"dendrite options: ResponseBytesMax ({ResponseBytesMax}) and ParallelCallsMax ({ParallelCallsMax}) must be positive");
        }
    }
}
