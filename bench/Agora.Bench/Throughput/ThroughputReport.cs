using System.Diagnostics;

namespace Agora.Bench.Throughput;

/// <summary>The run's numbers: throughput as a ratio of the verify baseline, inclusion latency, rejections.</summary>
internal sealed class ThroughputReport
{
    /// <summary>Target: included tx/s at least this share of one core's verify rate.</summary>
    public const double RatioTarget = 0.5;

    /// <summary>Target: p99 inclusion latency at most this many block times.</summary>
    public const double LatencyBlocksTarget = 2;

    private readonly List<string> _lines = [];

    private ThroughputReport()
    {
    }

    public bool TargetMet { get; private set; }

    /// <summary>Included transactions per second over the timed window.</summary>
    public double IncludedPerSecond { get; private set; }

    /// <summary>The verify rate the ratio divides by (the higher of before and after).</summary>
    public double Baseline { get; private set; }

    /// <summary><see cref="IncludedPerSecond"/> ÷ <see cref="Baseline"/>.</summary>
    public double Ratio => IncludedPerSecond / Baseline;

    /// <summary>p99 inclusion latency in block times.</summary>
    public double P99Blocks { get; private set; }

    /// <summary>CPU seconds the node used in the window.</summary>
    public double NodeCpuSeconds { get; private set; }

    public static ThroughputReport Compute(
        ThroughputOptions options, double verifyBefore, double verifyAfter, LoadOutcome outcome, ulong[] inclusionBlock,
        HeadTracker heads, IReadOnlyList<ProducedBlock> blocks, CpuUse cpu, int subnetCount, string loadBefore, string loadAfter)
    {
        var report = new ThroughputReport();
        var submitted = outcome.SubmitTicks.Count(t => t != 0);
        var accepted = outcome.Accepted.Count(a => a);
        var latenciesMs = new List<double>(accepted);
        var inWindow = 0;
        var lostAccepted = 0;
        for (var i = 0; i < inclusionBlock.Length; i++)
        {
            if (inclusionBlock[i] == 0)
            {
                lostAccepted += outcome.Accepted[i] ? 1 : 0;
                continue;
            }

            if (heads.SeenTicks(inclusionBlock[i]) is not { } seen)
            {
                continue;
            }

            latenciesMs.Add((seen - outcome.SubmitTicks[i]) * 1000.0 / Stopwatch.Frequency);
            inWindow += seen >= outcome.WindowStartTicks && seen <= outcome.WindowEndTicks ? 1 : 0;
        }

        latenciesMs.Sort();
        var included = inclusionBlock.Count(b => b != 0);
        var baseline = Math.Max(verifyBefore, verifyAfter); // the higher one: the conservative denominator
        var includedPerSecond = inWindow / (double)options.Seconds;
        var ratio = includedPerSecond / baseline;
        var p50 = Percentile(latenciesMs, 0.50);
        var p99 = Percentile(latenciesMs, 0.99);
        var blockTime = (double)options.BlockTimeMs;
        report.TargetMet = ratio >= RatioTarget && p99 <= LatencyBlocksTarget * blockTime;
        report.IncludedPerSecond = includedPerSecond;
        report.Baseline = baseline;
        report.P99Blocks = p99 / blockTime;
        report.NodeCpuSeconds = cpu.Node.TotalSeconds;
        var windowBlocks = blocks.Where(b => b.SeenTicks >= outcome.WindowStartTicks && b.SeenTicks <= outcome.WindowEndTicks).ToArray();
        var rejected = outcome.Rejected.IsEmpty
            ? "0"
            : string.Join(", ", outcome.Rejected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));

        report.Add("");
        report.Add($"| throughput, {subnetCount} staked subnets, block time {options.BlockTimeMs} ms, {options.Seconds} s, {options.Accounts} accounts, batches of {options.BatchCount}, {options.Connections} connections | |");
        report.Add("|---|---|");
        report.Add($"| load average (1, 5, 15 min) before / after | {loadBefore} / {loadAfter} |");
        report.Add($"| verify baseline (1 thread), before / after | {verifyBefore:F0} / {verifyAfter:F0} verifies/s (ratio uses {baseline:F0}) |");
        report.Add($"| submitted / admitted | {submitted} / {accepted} ({submitted / (double)options.Seconds:F0} tx/s offered) |");
        report.Add($"| rejected by reason | {rejected} |");
        report.Add($"| included (all / in the window) | {included} / {inWindow}; admitted but never included: {lostAccepted} |");
        report.Add($"| **included tx/s (sustained over the window)** | **{includedPerSecond:F0}** |");
        report.Add($"| **ratio included/s ÷ verifies/s** | **{ratio:F3}** (target ≥ {RatioTarget}) |");
        report.Add($"| inclusion latency p50 / p99 / max | {p50:F0} / {p99:F0} / {Percentile(latenciesMs, 1):F0} ms = {p50 / blockTime:F2} / {p99 / blockTime:F2} / {Percentile(latenciesMs, 1) / blockTime:F2} block times (target p99 ≤ {LatencyBlocksTarget}) |");
        report.Add($"| blocks in window; production mean / max; most tx in a block | {windowBlocks.Length}; {(windowBlocks.Length == 0 ? 0 : windowBlocks.Average(b => b.ProductionMs)):F0} / {(windowBlocks.Length == 0 ? 0 : windowBlocks.Max(b => b.ProductionMs)):F0} ms; {(windowBlocks.Length == 0 ? 0 : windowBlocks.Max(b => b.TransactionCount))} |");
        report.Add($"| CPU in the window (of {Environment.ProcessorCount} cores × {options.Seconds} s) | node {cpu.Node.TotalSeconds:F1} s, generator {cpu.Generator.TotalSeconds:F1} s |");
        report.Add($"| generator | paused at the pending bound {outcome.ThrottledSeconds:F1} s; {(outcome.SupplyExhaustedAtSeconds is { } at ? $"pre-signed supply ran out at {at:F1} s" : "pre-signed supply lasted")} |");
        report.Add($"| **target met** | **{(report.TargetMet ? "yes" : "no")}** |");
        return report;
    }

    public void Write(TextWriter output)
    {
        foreach (var line in _lines)
        {
            output.WriteLine(line);
        }
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void Add(string line) => _lines.Add(line);
}
