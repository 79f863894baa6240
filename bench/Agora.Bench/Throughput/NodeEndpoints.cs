namespace Agora.Bench.Throughput;

/// <summary>Where the child node serves JSON-RPC.</summary>
internal sealed record NodeEndpoints(Uri Http, Uri WebSocket);
