using System.Diagnostics;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Transactions;

namespace Agora.Testing.Attacks;

/// <summary>
/// Watches a node the way its users would during an attack, from 127.0.0.1: polls <c>system_health</c>, samples the
/// process's resident memory, and sends one funded transfer at a time from the probe account, timing each until the
/// account's nonce shows it included (polled every <see cref="PollInterval"/>, so latencies are upper bounds by that
/// much), and counting the blocks it waited from the one the node had reached when it admitted the transfer to the one
/// that holds it. Block intervals come from the timestamps of the headers produced during the window.
/// </summary>
public sealed class NodeObserver
{
    /// <summary>How often health, memory and inclusion are polled.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one observer call may take before it counts as unanswered.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long one probe transfer may wait for inclusion before it counts as failed.</summary>
    public static readonly TimeSpan InclusionTimeout = TimeSpan.FromSeconds(30);

    private static readonly Rao ProbeAmount = Rao.FromTao(1);

    private readonly AttackTarget _target;

    /// <summary>An observer of <paramref name="target"/>.</summary>
    public NodeObserver(AttackTarget target) => _target = target;

    /// <summary>Observes for <paramref name="window"/> and returns what was seen.</summary>
    public async Task<NodeObservation> ObserveAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var rpc = new RawRpc(_target.RpcUrl, CallTimeout);
        var firstBlock = await BestNumberAsync(rpc, cancellationToken);
        var residentStart = ProcessMemory.ResidentBytes(_target.ProcessId) ?? 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(window);

        var health = WatchHealthAsync(stop.Token);
        var memory = WatchMemoryAsync(residentStart, stop.Token);
        var transfers = SendProbeTransfersAsync(stop.Token);
        await Task.WhenAll(health, memory, transfers);

        var (checks, healthErrors, slowest) = await health;
        List<long> intervals;
        try
        {
            intervals = await BlockIntervalsAsync(rpc, firstBlock, await BestNumberAsync(rpc, cancellationToken), cancellationToken);
        }
        catch (RawRpcException e)
        {
            // A node that died or stopped answering has no intervals to show; the health errors say why.
            intervals = [];
            healthErrors.Add($"reading the window's blocks: {e.Message}");
        }

        var (sent, transferErrors) = await transfers;
        return new NodeObservation(intervals, sent, transferErrors, checks, healthErrors, slowest, residentStart, await memory);
    }

    private async Task<(int Checks, List<string> Errors, long SlowestMs)> WatchHealthAsync(CancellationToken stop)
    {
        using var rpc = new RawRpc(_target.RpcUrl, CallTimeout);
        var checks = 0;
        var errors = new List<string>();
        long slowest = 0;
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            checks++;
            try
            {
                await rpc.CallAsync("system_health", [], CancellationToken.None);
            }
            catch (RawRpcException e)
            {
                errors.Add(e.Message);
            }

            slowest = Math.Max(slowest, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await DelayAsync(PollInterval, stop);
        }

        return (checks, errors, slowest);
    }

    private async Task<long> WatchMemoryAsync(long start, CancellationToken stop)
    {
        var peak = start;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ProcessMemory.ResidentBytes(_target.ProcessId) ?? 0);
            await DelayAsync(PollInterval, stop);
        }

        return peak;
    }

    private async Task<(List<TransferTiming> Sent, List<string> Errors)> SendProbeTransfersAsync(CancellationToken stop)
    {
        using var rpc = new RawRpc(_target.RpcUrl, CallTimeout);
        using var probe = AttackAccounts.Probe();
        using var sink = KeyPair.FromUri("//attack//sink");
        var sent = new List<TransferTiming>();
        var errors = new List<string>();
        var genesis = Hash256.Parse((await rpc.CallAsync("chain_getBlockHash", [0], CancellationToken.None)).GetString()!);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var nonce = (await rpc.CallAsync("state_getAccount", [probe.Account.ToString()], CancellationToken.None)).GetProperty("nonce").GetUInt64();
                var birth = await BestNumberAsync(rpc, CancellationToken.None);
                var body = new TransactionBody(probe.Account, nonce, new Era(birth, 64), Rao.Zero, new TransferCall(sink.Account, ProbeAmount));
                var transaction = SignedTransaction.Sign(body, probe, genesis);
                var started = Stopwatch.GetTimestamp();
                await rpc.CallAsync("author_submitTransaction", [HexOf(transaction.Encoded)], CancellationToken.None);
                var admittedBy = await BestNumberAsync(rpc, CancellationToken.None);
                sent.Add(await WaitIncludedAsync(rpc, transaction, birth, admittedBy, started));
            }
            catch (RawRpcException e)
            {
                errors.Add(e.Message);
                await DelayAsync(PollInterval, stop);
            }
            catch (TimeoutException e)
            {
                errors.Add(e.Message);
            }
        }

        return (sent, errors);
    }

    /// <summary>
    /// Waits until the sender's nonce shows <paramref name="transaction"/> included, then finds its block with the light
    /// <c>chain_getBlock</c>: the blocks it waited count from <paramref name="admittedBy"/>, the best block once the node
    /// had admitted it, so that a slow RPC answer does not count as a slow pool.
    /// </summary>
    private static async Task<TransferTiming> WaitIncludedAsync(RawRpc rpc, SignedTransaction transaction, ulong birth, ulong admittedBy, long started)
    {
        var sender = transaction.Sender.ToString();
        var nonce = transaction.Body.Nonce;
        while (Stopwatch.GetElapsedTime(started) < InclusionTimeout)
        {
            var account = await rpc.CallAsync("state_getAccount", [sender], CancellationToken.None);
            if (account.GetProperty("nonce").GetUInt64() > nonce)
            {
                var latency = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var included = await IncludingBlockAsync(rpc, transaction.Hash, birth + 1);
                return new TransferTiming(latency, included > admittedBy ? included - admittedBy : 0);
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"a funded transfer (nonce {nonce}, sent at block {birth}) was not included within {InclusionTimeout.TotalSeconds} s");
    }

    private static async Task<ulong> IncludingBlockAsync(RawRpc rpc, Hash256 transaction, ulong from)
    {
        var best = await BestNumberAsync(rpc, CancellationToken.None);
        var wanted = transaction.ToString();
        for (var number = from; number <= best; number++)
        {
            var hash = (await rpc.CallAsync("chain_getBlockHash", [number], CancellationToken.None)).GetString();
            var block = await rpc.CallAsync("chain_getBlock", [hash, "hashes"], CancellationToken.None);
            foreach (var included in block.GetProperty("transactions").EnumerateArray())
            {
                if (included.GetString() == wanted)
                {
                    return number;
                }
            }
        }

        throw new RawRpcException($"the sender's nonce moved past {transaction} but no block {from}..{best} holds it");
    }

    private static async Task<List<long>> BlockIntervalsAsync(RawRpc rpc, ulong first, ulong last, CancellationToken cancellationToken)
    {
        var intervals = new List<long>();
        ulong? previous = null;
        for (var number = Math.Max(first, 1); number <= last; number++) // genesis carries the spec's timestamp, not a production time
        {
            var hash = (await rpc.CallAsync("chain_getBlockHash", [number], cancellationToken)).GetString();
            var timestamp = (await rpc.CallAsync("chain_getHeader", [hash], cancellationToken)).GetProperty("timestamp").GetUInt64();
            if (previous is { } before)
            {
                intervals.Add((long)(timestamp - before));
            }

            previous = timestamp;
        }

        return intervals;
    }

    private static async Task<ulong> BestNumberAsync(RawRpc rpc, CancellationToken cancellationToken) =>
        (await rpc.CallAsync("chain_getHeader", [], cancellationToken)).GetProperty("number").GetUInt64();

    private static string HexOf(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stop) =>
        await Task.Delay(delay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
