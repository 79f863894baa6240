using Agora.Node.Core;
using Prometheus;

namespace Agora.Node.Host;

/// <summary>The node's own Prometheus metrics, updated on every committed block.</summary>
internal sealed class NodeMetrics
{
    private readonly Gauge _bestBlock;
    private readonly Gauge _mempool;
    private readonly Counter _transactions;
    private readonly Histogram _production;

    public NodeMetrics(IMetricFactory factory)
    {
        _bestBlock = factory.CreateGauge("agora_best_block", "Number of the best block.");
        _mempool = factory.CreateGauge("agora_mempool_transactions", "Transactions waiting in the pool.");
        _transactions = factory.CreateCounter("agora_transactions_included_total", "Transactions included in produced blocks.");
        _production = factory.CreateHistogram("agora_block_production_seconds", "Time to build, execute and commit a block.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
    }

    public void Observe(NodeCore node, BlockCommitted committed)
    {
        _bestBlock.Set(committed.Block.Header.Number);
        _mempool.Set(node.PendingCount);
        _transactions.Inc(committed.Block.Transactions.Count);
        _production.Observe(node.LastBlockProductionMs / 1000);
    }
}
