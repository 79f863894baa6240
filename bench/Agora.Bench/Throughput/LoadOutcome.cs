using System.Collections.Concurrent;

namespace Agora.Bench.Throughput;

/// <summary>What the timed phase sent: per transaction when it was sent and whether the node admitted it.</summary>
internal sealed class LoadOutcome
{
    public LoadOutcome(int transactionCount)
    {
        SubmitTicks = new long[transactionCount];
        Accepted = new bool[transactionCount];
    }

    /// <summary>Stopwatch ticks when transaction i's batch was sent; 0 = never sent.</summary>
    public long[] SubmitTicks { get; }

    /// <summary>True when the node admitted transaction i to its pool.</summary>
    public bool[] Accepted { get; }

    /// <summary>Rejections by the node's reason (or the transport failure).</summary>
    public ConcurrentDictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);

    public long WindowStartTicks { get; set; }

    public long WindowEndTicks { get; set; }

    /// <summary>Batches sent.</summary>
    public int BatchesSent { get; set; }

    /// <summary>Set when every pre-signed batch was sent before the window ended.</summary>
    public double? SupplyExhaustedAtSeconds { get; set; }

    /// <summary>Time senders spent paused because the pool was at the pending bound.</summary>
    public double ThrottledSeconds { get; set; }
}
