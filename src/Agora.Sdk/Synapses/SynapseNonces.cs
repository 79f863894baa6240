namespace Agora.Sdk.Synapses;

/// <summary>Nonces are nanoseconds since the Unix epoch; this reads them from a <see cref="TimeProvider"/>.</summary>
public static class SynapseNonces
{
    private const ulong NanosecondsPerTick = 100;

    /// <summary>Nanoseconds since the Unix epoch now, by <paramref name="time"/> (100 ns resolution).</summary>
    public static ulong Now(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var ticks = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks;
        return ticks <= 0 ? 0 : (ulong)ticks * NanosecondsPerTick;
    }

    /// <summary>Nanoseconds in <paramref name="span"/> (0 when negative).</summary>
    public static ulong Of(TimeSpan span) => span.Ticks <= 0 ? 0 : (ulong)span.Ticks * NanosecondsPerTick;
}
