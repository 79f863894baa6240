namespace Agora.Bench.Throughput;

/// <summary>One "Block ... with N transactions in X ms" line of the node's log, with when it was read.</summary>
internal sealed record ProducedBlock(int TransactionCount, double ProductionMs, long SeenTicks);
