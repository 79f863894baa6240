using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// The neuron a registration on a full subnet replaces, and the figures that explain the choice.
/// </summary>
/// <param name="Uid">The uid that changes hands.</param>
/// <param name="Neuron">Who held it.</param>
/// <param name="Score">Its pruning score: the emission its last epoch paid it.</param>
/// <param name="Rank">Its place among the non-immune by (score, registration block, uid); 1 = lowest.</param>
/// <param name="NonImmuneCount">Neurons past their immunity, the candidates.</param>
/// <param name="ImmuneCount">Neurons still immune.</param>
public sealed record PruningChoice(ushort Uid, NeuronInfo Neuron, Rao Score, ushort Rank, ushort NonImmuneCount, ushort ImmuneCount);
