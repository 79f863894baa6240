namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getNeuron</c>: the metagraph neuron and its weights row.</summary>
/// <param name="Neuron">The fields <c>agora_getMetagraph</c> lists.</param>
/// <param name="Weights">Its weights, ascending by uid (zero weights left out).</param>
public sealed record NeuronDetails(MetagraphNeuron Neuron, IReadOnlyList<UidValue> Weights);
