using System.Collections.Immutable;
using Agora.Runtime.Modules.Neurons;
using Agora.Yuma;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// What an epoch read from state: the engine's input and, per uid, who holds it and what the previous epoch gave it
/// (the payouts need the hotkeys, the stake penalty the low-trust streaks).
/// </summary>
/// <param name="Input">The engine's input (uid i is neuron i).</param>
/// <param name="Neurons">The holder of each uid.</param>
/// <param name="Previous">Each uid's stored outputs from the previous epoch (<see cref="NeuronOutputs.None"/> before its first).</param>
public sealed record EpochReading(EpochInput Input, ImmutableArray<NeuronInfo> Neurons, ImmutableArray<NeuronOutputs> Previous)
{
    /// <summary>
    /// Each uid's outputs record and bonds row as stored when read (null = absent), so the epoch stores only values
    /// that changed without reading them again. Empty unless read by <see cref="EpochInputs.ReadWithNeurons"/>.
    /// </summary>
    public ImmutableArray<StoredEpochRecords> Stored { get; init; } = [];
}

