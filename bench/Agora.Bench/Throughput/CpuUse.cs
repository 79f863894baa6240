namespace Agora.Bench.Throughput;

/// <summary>CPU time the node and the generator used during the timed phase.</summary>
internal sealed record CpuUse(TimeSpan Node, TimeSpan Generator);
