using System.Collections.Immutable;

namespace Agora.Node.Host.Neurons;

/// <summary>A subnet's neurons at one block, by uid (the <c>agora_getMetagraph</c> result before rendering).</summary>
internal sealed record Metagraph(ushort Netuid, ulong Block, ImmutableArray<MetagraphNeuron> Neurons);
