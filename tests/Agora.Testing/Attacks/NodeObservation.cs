namespace Agora.Testing.Attacks;

/// <summary>
/// What the observer saw of a node over one window: the intervals between the blocks it produced (from their header
/// timestamps), how the probe's funded transfers fared, whether <c>system_health</c> answered, and the node's memory.
/// </summary>
public sealed record NodeObservation(
    IReadOnlyList<long> BlockIntervalsMs,
    IReadOnlyList<TransferTiming> Transfers,
    IReadOnlyList<string> TransferErrors,
    int HealthChecks,
    IReadOnlyList<string> HealthErrors,
    long HealthLatencyMaxMs,
    long ResidentBytesStart,
    long ResidentBytesPeak)
{
    /// <summary>The 99th percentile of the block intervals (nearest rank), in milliseconds; 0 without blocks.</summary>
    public long BlockIntervalP99Ms => Percentile(BlockIntervalsMs, 99);

    /// <summary>The longest block interval, in milliseconds.</summary>
    public long BlockIntervalMaxMs => BlockIntervalsMs.Count == 0 ? 0 : BlockIntervalsMs.Max();

    /// <summary>The median inclusion latency of the probe's transfers, in milliseconds.</summary>
    public long InclusionMedianMs => Percentile(Transfers.Select(t => t.LatencyMs).ToList(), 50);

    /// <summary>The worst inclusion latency of the probe's transfers, in milliseconds.</summary>
    public long InclusionMaxMs => Transfers.Count == 0 ? 0 : Transfers.Max(t => t.LatencyMs);

    /// <summary>The most blocks any probe transfer waited (its block minus the best block once the node had admitted it).</summary>
    public ulong InclusionBlocksMax => Transfers.Count == 0 ? 0 : Transfers.Max(t => t.Blocks);

    /// <summary>One line for logs and reports.</summary>
    public string Summary =>
        $"{BlockIntervalsMs.Count} blocks, interval p99 {BlockIntervalP99Ms} ms (max {BlockIntervalMaxMs}); "
        + $"{Transfers.Count} probe transfers included, median {InclusionMedianMs} ms, max {InclusionMaxMs} ms / {InclusionBlocksMax} blocks, {TransferErrors.Count} failed; "
        + $"health {HealthChecks - HealthErrors.Count}/{HealthChecks} answered (slowest {HealthLatencyMaxMs} ms); "
        + $"RSS {ResidentBytesStart / (1024 * 1024)} → peak {ResidentBytesPeak / (1024 * 1024)} MiB";

    /// <summary>Nearest-rank percentile of <paramref name="values"/>; 0 when empty.</summary>
    public static long Percentile(IReadOnlyList<long> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>One probe transfer: milliseconds from submission until it was seen included, and blocks waited after admission.</summary>
public sealed record TransferTiming(long LatencyMs, ulong Blocks);
