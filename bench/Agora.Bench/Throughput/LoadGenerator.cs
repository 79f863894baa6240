using System.Diagnostics;
using System.Text.Json;

namespace Agora.Bench.Throughput;

/// <summary>
/// The timed phase: a few senders post the pre-built batches, open loop at a target rate (each batch has a due
/// time) or closed loop as fast as the node answers, pausing while the pool is at the pending bound.
/// </summary>
internal sealed class LoadGenerator
{
    private static readonly TimeSpan PendingPollInterval = TimeSpan.FromMilliseconds(50);
    private readonly LoadPlan _plan;
    private readonly NodeRpc _rpc;
    private readonly ThroughputOptions _options;
    private readonly double _ratePerSecond;
    private readonly LoadOutcome _outcome;
    private readonly Lock _gate = new();
    private int _nextBatch;
    private long _pending;
    private long _throttledTicks;

    public LoadGenerator(LoadPlan plan, NodeRpc rpc, ThroughputOptions options, double ratePerSecond)
    {
        _plan = plan;
        _rpc = rpc;
        _options = options;
        _ratePerSecond = ratePerSecond;
        _outcome = new LoadOutcome(plan.TransactionCount);
    }

    public async Task<LoadOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = TimeSpan.FromSeconds(_options.Seconds);
        _outcome.WindowStartTicks = Stopwatch.GetTimestamp();
        _outcome.WindowEndTicks = _outcome.WindowStartTicks + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var monitor = MonitorPendingAsync(stop.Token);
        var senders = Enumerable.Range(0, _options.Connections).Select(_ => SendAsync(cancellationToken)).ToArray();
        await Task.WhenAll(senders);
        await stop.CancelAsync();
        await monitor;
        _outcome.BatchesSent = Math.Min(_nextBatch, _plan.Bodies.Length);
        _outcome.ThrottledSeconds = (double)_throttledTicks / Stopwatch.Frequency;
        return _outcome;
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int batch;
            lock (_gate)
            {
                batch = _nextBatch++;
            }

            if (batch >= _plan.Bodies.Length)
            {
                _outcome.SupplyExhaustedAtSeconds ??= Stopwatch.GetElapsedTime(_outcome.WindowStartTicks).TotalSeconds;
                return;
            }

            var due = _ratePerSecond > 0
                ? _outcome.WindowStartTicks + (long)(batch * (double)_plan.BatchCount / _ratePerSecond * Stopwatch.Frequency)
                : Stopwatch.GetTimestamp();
            if (due >= _outcome.WindowEndTicks)
            {
                return;
            }

            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1, cancellationToken);
            }

            var paused = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _pending) >= _options.PendingCountMax && Stopwatch.GetTimestamp() < _outcome.WindowEndTicks)
            {
                await Task.Delay(5, cancellationToken);
            }

            Interlocked.Add(ref _throttledTicks, Stopwatch.GetTimestamp() - paused);
            if (Stopwatch.GetTimestamp() >= _outcome.WindowEndTicks)
            {
                return;
            }

            await SendBatchAsync(batch, cancellationToken);
        }
    }

    private async Task SendBatchAsync(int batch, CancellationToken cancellationToken)
    {
        var first = batch * _plan.BatchCount;
        var sent = Stopwatch.GetTimestamp();
        Array.Fill(_outcome.SubmitTicks, sent, first, _plan.BatchCount);
        byte[] response;
        try
        {
            response = await _rpc.PostAsync(_plan.Bodies[batch], cancellationToken);
        }
        catch (HttpRequestException e)
        {
            _outcome.Rejected.AddOrUpdate($"transport: {e.Message}", _plan.BatchCount, (_, n) => n + _plan.BatchCount);
            return;
        }

        using var document = JsonDocument.Parse(response);
        using var replies = document.RootElement.EnumerateArray();
        foreach (var reply in replies)
        {
            var id = reply.GetProperty("id").GetInt32();
            if (reply.TryGetProperty("error", out var error))
            {
                var reason = error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var r)
                    ? r.GetString() ?? "unknown"
                    : $"rpc {error.GetProperty("code").GetInt32()}";
                _outcome.Rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);
            }
            else
            {
                _outcome.Accepted[id] = true;
            }
        }
    }

    private async Task MonitorPendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var pending = await _rpc.CallAsync("author_pendingTransactionCount", [], cancellationToken);
                Volatile.Write(ref _pending, pending.GetInt64());
                await Task.Delay(PendingPollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
