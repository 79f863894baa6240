namespace Agora.Bench.Throughput;

/// <summary>
/// Runs with different numbers of staked subnets, back to back in one invocation: each against its own verify
/// baseline, and each against the first run (directly, and with each run's ratio to its baseline, which takes out
/// some of the machine's drift between runs).
/// </summary>
internal static class ThroughputComparison
{
    public static void Write(IReadOnlyList<(int SubnetCount, ThroughputReport Report)> runs, TextWriter output)
    {
        if (runs.Count < 2)
        {
            return;
        }

        var (firstCount, first) = runs[0];
        output.WriteLine();
        output.WriteLine($"| staked subnets | verify baseline /s | included tx/s | ÷ verify baseline (target ≥ {ThroughputReport.RatioTarget}) | included tx/s ÷ {firstCount}-subnet run's | baseline ratio ÷ {firstCount}-subnet run's | p99 latency, block times | node CPU s | target met |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (count, report) in runs)
        {
            output.WriteLine(
                $"| {count} | {report.Baseline:F0} | {report.IncludedPerSecond:F0} | {report.Ratio:F3} | {report.IncludedPerSecond / first.IncludedPerSecond:F3} | " +
                $"{report.Ratio / first.Ratio:F3} | {report.P99Blocks:F2} | {report.NodeCpuSeconds:F1} | {(report.TargetMet ? "yes" : "no")} |");
        }
    }
}
