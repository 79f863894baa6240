using System.Diagnostics;
using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Balances;
using Agora.Testing;
using Agora.Testing.Chains;

namespace Agora.Bench.Throughput;

/// <summary>
/// <c>throughput</c>: end-to-end transfer throughput (submit over JSON-RPC → included → committed to RocksDB)
/// against the single-core Ed25519 verify rate measured in the same run. Starts its own node as a child
/// process on 127.0.0.1, funds the load accounts, pre-signs, runs the timed phase, then reads the blocks. With
/// <c>--subnets 0,32</c> it does so once per count, each on a new node with that many staked subnets at genesis, and
/// compares the runs.
/// </summary>
internal static class ThroughputCommand
{
    public const string Name = "throughput";
    private static readonly TimeSpan FundingTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DrainTimeoutMin = TimeSpan.FromSeconds(15);
    private const double ClosedLoopSupplyRatio = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ThroughputOptions options;
        try
        {
            options = ThroughputOptions.Parse(args);
            _ = AgoraBinary.DllPath;
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            await output.WriteLineAsync($"throughput: {e.Message}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        await output.WriteLineAsync($"throughput: {Environment.ProcessorCount} cores shared by the node and this generator; options {options}");
        var verifyBefore = VerifyBaseline.MeasurePerSecond(TimeSpan.FromSeconds(options.VerifySeconds));
        await output.WriteLineAsync($"baseline: {verifyBefore:F0} Ed25519 verifies/s on one thread");
        var runs = new List<(int, ThroughputReport)>();
        foreach (var subnetCount in options.SubnetCounts())
        {
            var (report, verifyAfter) = await RunOnceAsync(options, subnetCount, verifyBefore, output, cancel.Token);
            runs.Add((subnetCount, report));
            verifyBefore = verifyAfter; // the next run's "before" is this run's "after": the same cores, just measured
        }

        ThroughputComparison.Write(runs, output);
        return 0;
    }

    /// <summary>
    /// One run on a new node whose genesis is the dev chain plus <paramref name="subnetCount"/> staked subnets: funds the
    /// load accounts, pre-signs, runs the timed phase, reads the blocks and measures the verify rate again.
    /// </summary>
    private static async Task<(ThroughputReport Report, double VerifyAfter)> RunOnceAsync(
        ThroughputOptions options, int subnetCount, double verifyBefore, TextWriter output, CancellationToken cancellationToken)
    {
        using var owner = DevChainSpec.DevKey("Dave");
        var spec = StakedSubnets.Add(DevChainSpec.Create((ulong)options.BlockTimeMs), subnetCount, owner.Account);
        await output.WriteLineAsync($"run: '{spec.Name}', {spec.Subnets.Count} staked subnets at genesis");
        await using var node = NodeProcess.Start(spec);
        var endpoints = await node.WaitListeningAsync();
        using var rpc = new NodeRpc(endpoints.Http, options.Connections);
        var genesis = Hash256.Parse((await rpc.CallAsync("chain_getBlockHash", [0], cancellationToken)).GetString()!);

        var keys = Enumerable.Range(0, options.Accounts).Select(i => KeyPair.FromUri($"//load//{i}")).ToArray();
        try
        {
            // Closed loop: twice the measured verify rate, since on a loaded machine that measurement can be half of what
            // the cores give a moment later, and a run whose supply runs out measures the generator, not the node.
            var supplyPerSecond = options.RateRatio > 0 ? options.RateRatio * verifyBefore : ClosedLoopSupplyRatio * verifyBefore;
            var batches = (int)Math.Ceiling(supplyPerSecond * options.Seconds / options.BatchCount) + 1;
            var perAccount = ((batches * options.BatchCount) + options.Accounts - 1) / options.Accounts;
            await FundAsync(rpc, keys, genesis, perAccount, output, cancellationToken);

            var signing = Stopwatch.StartNew();
            var birth = await BestNumberAsync(rpc, cancellationToken);
            var plan = LoadPlan.Create(keys, genesis, birth, batches, options.BatchCount);
            await output.WriteLineAsync($"pre-signed {plan.TransactionCount} transfers ({perAccount} per account) in {plan.Bodies.Length} batches in {signing.Elapsed.TotalSeconds:F1} s, before the clock");

            await using var heads = await HeadTracker.StartAsync(endpoints.WebSocket, cancellationToken);
            var firstBlock = await BestNumberAsync(rpc, cancellationToken) + 1;
            var loadBefore = LoadAverage();
            var nodeCpu = node.CpuTime;
            var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var rate = options.RateRatio * verifyBefore;
            await output.WriteLineAsync(rate > 0
                ? $"timed phase: {options.Seconds} s, offering {rate:F0} tx/s ({options.RateRatio} x baseline) open loop"
                : $"timed phase: {options.Seconds} s, as fast as the node accepts (closed loop)");
            var outcome = await new LoadGenerator(plan, rpc, options, rate).RunAsync(cancellationToken);
            var cpu = new CpuUse(node.CpuTime - nodeCpu, Process.GetCurrentProcess().TotalProcessorTime - ownCpu);
            var loadAfter = LoadAverage();

            await DrainAsync(rpc, options, cancellationToken);
            var lastBlock = await BestNumberAsync(rpc, cancellationToken);
            var inclusionBlock = await ReadInclusionAsync(rpc, plan, firstBlock, lastBlock, cancellationToken);
            var verifyAfter = VerifyBaseline.MeasurePerSecond(TimeSpan.FromSeconds(options.VerifySeconds));
            var report = ThroughputReport.Compute(options, verifyBefore, verifyAfter, outcome, inclusionBlock, heads, node.Blocks, cpu, subnetCount, loadBefore, loadAfter);
            report.Write(output);
            return (report, verifyAfter);
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages, where the system shows them (Linux); "n/a" elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<ulong> BestNumberAsync(NodeRpc rpc, CancellationToken cancellationToken) =>
        (await rpc.CallAsync("chain_getHeader", [], cancellationToken)).GetProperty("number").GetUInt64();

    /// <summary>Gives each load account enough for its transfers and fees, from the dev accounts, and waits for it.</summary>
    private static async Task FundAsync(NodeRpc rpc, KeyPair[] keys, Hash256 genesis, int perAccount, TextWriter output, CancellationToken cancellationToken)
    {
        var parameters = DevChainSpec.Create().Parameters;
        var sample = SignedTransaction.Sign(
            new TransactionBody(keys[0].Account, 0, new Era(0, LoadPlan.EraPeriodBlocks), Rao.Zero, new TransferCall(keys[0].Account, new Rao(LoadPlan.TransferRao))),
            keys[0],
            genesis);
        var amount = new Rao(checked((((ulong)perAccount * (Fees.Compute(sample, parameters).Value + LoadPlan.TransferRao)) * 2) + Rao.FromTao(1).Value));
        var birth = await BestNumberAsync(rpc, cancellationToken);
        var clock = Stopwatch.StartNew();
        var funders = DevChainSpec.AccountNames.Select(DevChainSpec.DevKey).ToArray();
        try
        {
            var nonces = new ulong[funders.Length];
            for (var f = 0; f < funders.Length; f++)
            {
                nonces[f] = (await rpc.CallAsync("state_getAccount", [funders[f].Account.ToString()], cancellationToken)).GetProperty("nonce").GetUInt64();
            }

            // In rounds, since the pool takes at most SenderNonceAheadCountMax nonces ahead of each funder's account nonce.
            var round = funders.Length * new MempoolLimits().SenderNonceAheadCountMax;
            for (var first = 0; first < keys.Length; first += round)
            {
                var count = Math.Min(round, keys.Length - first);
                var encoded = new byte[count][];
                for (var i = first; i < first + count; i++)
                {
                    var f = i % funders.Length;
                    var body = new TransactionBody(funders[f].Account, nonces[f]++, new Era(birth, parameters.MortalityBlocksDefault), Rao.Zero, new TransferCall(keys[i].Account, amount));
                    encoded[i - first] = SignedTransaction.Sign(body, funders[f], genesis).Encoded;
                }

                using var replies = JsonDocument.Parse(await rpc.PostAsync(LoadPlan.SubmitBatchBody(encoded, 0, encoded.Length), cancellationToken));
                using var items = replies.RootElement.EnumerateArray();
                if (items.FirstOrDefault(r => r.TryGetProperty("error", out _)) is { ValueKind: JsonValueKind.Object } failed)
                {
                    throw new InvalidOperationException($"funding transfer rejected: {failed}");
                }

                await WaitFundedAsync(rpc, keys.Skip(first).Take(count), amount, cancellationToken);
            }
        }
        finally
        {
            foreach (var funder in funders)
            {
                funder.Dispose();
            }
        }

        await output.WriteLineAsync($"funded {keys.Length} load accounts with {amount.ToTaoString()} TAO each in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task WaitFundedAsync(NodeRpc rpc, IEnumerable<KeyPair> keys, Rao amount, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            while ((await rpc.CallAsync("state_getAccount", [key.Account.ToString()], cancellationToken)).GetProperty("free").GetUInt64() < amount.Value)
            {
                if (clock.Elapsed > FundingTimeout)
                {
                    throw new InvalidOperationException($"load account {key.Account} was not funded within {FundingTimeout.TotalSeconds} s");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Waits until the pool is empty (every admitted transaction is in a block), bounded.</summary>
    private static async Task DrainAsync(NodeRpc rpc, ThroughputOptions options, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromMilliseconds(Math.Max(DrainTimeoutMin.TotalMilliseconds, 20.0 * options.BlockTimeMs));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && (await rpc.CallAsync("author_pendingTransactionCount", [], cancellationToken)).GetInt64() > 0)
        {
            await Task.Delay(options.BlockTimeMs / 4, cancellationToken);
        }

        await Task.Delay(options.BlockTimeMs, cancellationToken); // let the last head reach the tracker
    }

    /// <summary>The block number that included each planned transaction (0 = none), from chain_getBlock.</summary>
    private static async Task<ulong[]> ReadInclusionAsync(NodeRpc rpc, LoadPlan plan, ulong firstBlock, ulong lastBlock, CancellationToken cancellationToken)
    {
        var index = new Dictionary<Hash256, int>(plan.TransactionCount);
        for (var i = 0; i < plan.TransactionCount; i++)
        {
            index[plan.Hashes[i]] = i;
        }

        var inclusion = new ulong[plan.TransactionCount];
        for (var number = firstBlock; number <= lastBlock; number++)
        {
            var hash = (await rpc.CallAsync("chain_getBlockHash", [number], cancellationToken)).GetString();
            var block = await rpc.CallAsync("chain_getBlock", [hash], cancellationToken);
            using var transactions = block.GetProperty("transactions").EnumerateArray();
            foreach (var transaction in transactions)
            {
                if (index.TryGetValue(Hash256.Parse(transaction.GetProperty("hash").GetString()!), out var i))
                {
                    inclusion[i] = number;
                }
            }
        }

        return inclusion;
    }
}
