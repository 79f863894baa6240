namespace Agora.Sdk.Client;

/// <summary>The result of <c>system_health</c>.</summary>
/// <param name="Peers">Connected peers.</param>
/// <param name="IsSyncing">Whether the node is catching up with its peers.</param>
/// <param name="BestBlock">Number of the best block.</param>
public sealed record SystemHealth(ulong Peers, bool IsSyncing, ulong BestBlock);
