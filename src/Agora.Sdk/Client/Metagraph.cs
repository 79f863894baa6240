namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getMetagraph</c>: a subnet's neurons at <paramref name="Block"/>, by uid.</summary>
/// <param name="Netuid">The subnet.</param>
/// <param name="Block">The block whose state this is.</param>
/// <param name="Neurons">Its neurons, by uid.</param>
public sealed record Metagraph(ushort Netuid, ulong Block, IReadOnlyList<MetagraphNeuron> Neurons);
