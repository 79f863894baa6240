using System.Globalization;
using Agora.Bench.Throughput;
using Agora.Node.Core;
using Agora.Testing.Attacks;

namespace Agora.Bench.Attack;

/// <summary>
/// <c>attack [--seconds 15] [--block-time-ms 500] [--attacks pool-flood,subscription-flood,connection-flood,amplification]</c>:
/// for each attack, a fresh node (the attack suite's chain spec) is observed first without the attack and then under
/// it for the same time, and the report gives block interval p99 and a funded transfer's inclusion latency under the
/// attack as ratios against the same node without it. The connection flood runs the node with 1,024 descriptors.
/// </summary>
internal static class AttackCommand
{
    public const string Name = "attack";

    private const int FillerCount = 32;
    private const int ConnectionFloodDescriptorLimit = 1024;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = 15;
        ulong blockTimeMs = 500;
        string[] names = ["pool-flood", "subscription-flood", "connection-flood", "amplification"];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--block-time-ms": blockTimeMs = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--attacks": names = args[i + 1].Split(','); break;
                default:
                    await output.WriteLineAsync($"unknown option {args[i]}; usage: attack [--seconds 15] [--block-time-ms 500] [--attacks {string.Join(',', names)}]");
                    return 2;
            }
        }

        var window = TimeSpan.FromSeconds(seconds);
        await output.WriteLineAsync($"# attack benchmark: {seconds} s without, then {seconds} s under each attack, on a fresh node with {blockTimeMs} ms blocks");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| attack | interval p99 without → under (ms) | ÷ | inclusion median without → under (ms) | ÷ | inclusion max under (ms / blocks) | health answered under | RSS peak under (MiB) | what the attack did |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
        foreach (var name in names)
        {
            var attack = Create(name);
            var spec = AttackAccounts.Fund(DevChainSpec.Create(blockTimeMs), FillerCount);
            await using var node = NodeProcess.Start(spec, name == "connection-flood" ? ConnectionFloodDescriptorLimit : null);
            var endpoints = await node.WaitListeningAsync();
            var target = new AttackTarget(endpoints.Http, node.ProcessId);
            var observer = new NodeObserver(target);

            var without = await observer.ObserveAsync(window, CancellationToken.None);
            using var stop = new CancellationTokenSource(window);
            var attacking = Task.Run(() => attack.RunAsync(target, stop.Token));
            var under = await observer.ObserveAsync(window, CancellationToken.None);
            var report = await attacking;

            var intervalUnder = under.BlockIntervalsMs.Count == 0 ? "no blocks read (node down)" : under.BlockIntervalP99Ms.ToString(CultureInfo.InvariantCulture);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {without.BlockIntervalP99Ms} → {intervalUnder} | {Ratio(under.BlockIntervalP99Ms, without.BlockIntervalP99Ms)} "
                + $"| {without.InclusionMedianMs} → {under.InclusionMedianMs} | {Ratio(under.InclusionMedianMs, without.InclusionMedianMs)} "
                + $"| {under.InclusionMaxMs} / {under.InclusionBlocksMax} | {under.HealthChecks - under.HealthErrors.Count}/{under.HealthChecks} "
                + $"| {under.ResidentBytesPeak / (1024 * 1024)} | {report} |"));
            if (under.TransferErrors.Count > 0 || under.HealthErrors.Count > 0)
            {
                await output.WriteLineAsync($"<!-- {name}: {under.TransferErrors.Count} probe transfers failed, {under.HealthErrors.Count} health checks failed; first: {under.TransferErrors.Concat(under.HealthErrors).FirstOrDefault()} -->");
            }
        }

        return 0;
    }

    private static Testing.Attacks.Attack Create(string name) => name switch
    {
        "pool-flood" => new PoolFloodAttack(),
        "subscription-flood" => new SubscriptionFloodAttack(),
        "connection-flood" => new ConnectionFloodAttack(),
        "amplification" => new AmplificationAttack(),
        _ => throw new ArgumentException($"unknown attack {name}; known: pool-flood, subscription-flood, connection-flood, amplification", nameof(name)),
    };

    private static string Ratio(long under, long without) =>
        without == 0 || under == 0 ? "–" : ((double)under / without).ToString("0.00", CultureInfo.InvariantCulture);
}
