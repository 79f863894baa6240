using System.Runtime.InteropServices;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Storage;
using Agora.Yuma;
using YumaNeuron = Agora.Yuma.NeuronState;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// Reads a subnet's epoch input from state (a pure function of the state): per uid its hotkey's stake on the subnet
/// over all coldkeys, last update, registration block and the permit the previous epoch gave it; the weights and bonds
/// rows (entries at uids ≥ n dropped); the engine's parameters from the hyperparameters; the previous epoch's block
/// and consensus.
/// </summary>
public static class EpochInputs
{
    /// <summary>The input of <paramref name="netuid"/>'s epoch in <paramref name="block"/>, with <paramref name="emission"/> to distribute.</summary>
    public static EpochInput Read(IStateReader state, ushort netuid, ulong block, SubnetHyperparameters hyperparameters, ulong emission = 0) =>
        ReadWithNeurons(state, netuid, block, hyperparameters, emission).Input;

    /// <summary>As <see cref="Read"/>, with who holds each uid and what the previous epoch gave it.</summary>
    public static EpochReading ReadWithNeurons(IStateReader state, ushort netuid, ulong block, SubnetHyperparameters hyperparameters, ulong emission)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        var n = Agora.Runtime.Modules.Neurons.NeuronState.Count(state, netuid);
        var holders = new NeuronInfo[n];
        var previous = new NeuronOutputs[n];
        var neurons = new YumaNeuron[n];
        var previousConsensus = new ushort[n];
        var weights = new SparseU16Matrix.Builder(n);
        var bonds = new SparseU16Matrix.Builder(n);
        for (ushort uid = 0; uid < n; uid++)
        {
            var holder = Agora.Runtime.Modules.Neurons.NeuronState.Neuron(state, netuid, uid)
                ?? throw new InvalidOperationException($"subnet {netuid} counts {n} uids but uid {uid} has no neuron record");
            var outputs = EpochState.Outputs(state, netuid, uid);
            holders[uid] = holder;
            previous[uid] = outputs;
            previousConsensus[uid] = EpochOutput.StoredProportion(outputs.Consensus);
            neurons[uid] = new YumaNeuron(
                StakingState.HotkeyStakeOn(state, holder.Hotkey, netuid).Value,
                WeightsState.LastUpdate(state, netuid, uid),
                holder.BlockAtRegistration,
                outputs.ValidatorPermit);
            AddRow(weights, WeightsState.Row(state, netuid, uid), n);
            AddRow(bonds, EpochState.Bonds(state, netuid, uid), n);
        }

        var input = new EpochInput
        {
            CurrentBlock = block,
            LastEpochBlock = EpochState.Subnet(state, netuid)?.LastEpochBlock,
            Emission = emission,
            Parameters = EpochParameters.From(hyperparameters),
            Neurons = ImmutableCollectionsMarshal.AsImmutableArray(neurons),
            Weights = weights.Build(),
            Bonds = bonds.Build(),
            PreviousConsensus = ImmutableCollectionsMarshal.AsImmutableArray(previousConsensus),
        };
        return new EpochReading(input, ImmutableCollectionsMarshal.AsImmutableArray(holders), ImmutableCollectionsMarshal.AsImmutableArray(previous));
    }

    /// <summary>Appends <paramref name="row"/> as the builder's next row, without entries at uids ≥ <paramref name="n"/>.</summary>
    private static void AddRow(SparseU16Matrix.Builder builder, SparseU16Row row, int n)
    {
        foreach (var (uid, value) in row.Entries)
        {
            if (uid >= n)
            {
                break; // entries ascend, so every later one lies past n too
            }

            builder.Add(uid, value);
        }

        builder.EndRow();
    }
}
