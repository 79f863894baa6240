using System.Runtime.InteropServices;
using Agora.Core.Codec;
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
    /// <summary>The encoding version of <see cref="SparseU16Row"/> this reader knows.</summary>
    private const byte RowEncodingVersion = 1;

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
        var stored = new StoredEpochRecords[n];
        var weights = new SparseU16Matrix.Builder(n);
        var bonds = new SparseU16Matrix.Builder(n);
        for (ushort uid = 0; uid < n; uid++)
        {
            var holder = Agora.Runtime.Modules.Neurons.NeuronState.Neuron(state, netuid, uid)
                ?? throw new InvalidOperationException($"subnet {netuid} counts {n} uids but uid {uid} has no neuron record");
            var storedOutputs = state.Get(EpochKeys.Outputs(netuid, uid));
            var storedBonds = state.Get(EpochKeys.Bonds(netuid, uid));
            stored[uid] = new StoredEpochRecords(storedOutputs, storedBonds);
            var outputs = storedOutputs is null ? NeuronOutputs.None : NeuronOutputs.Decode(storedOutputs);
            holders[uid] = holder;
            previous[uid] = outputs;
            previousConsensus[uid] = EpochOutput.StoredProportion(outputs.Consensus);
            neurons[uid] = new YumaNeuron(
                StakingState.HotkeyStakeOn(state, holder.Hotkey, netuid).Value,
                WeightsState.LastUpdate(state, netuid, uid),
                holder.BlockAtRegistration,
                outputs.ValidatorPermit);
            AddRow(weights, state.Get(WeightsKeys.Row(netuid, uid)), n);
            AddRow(bonds, storedBonds, n);
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
        return new EpochReading(input, ImmutableCollectionsMarshal.AsImmutableArray(holders), ImmutableCollectionsMarshal.AsImmutableArray(previous))
        {
            Stored = ImmutableCollectionsMarshal.AsImmutableArray(stored),
        };
    }

    /// <summary>
    /// Appends a stored row (absent = empty) as the builder's next row, without entries at uids ≥ <paramref name="n"/>.
    /// Decodes <see cref="SparseU16Row"/>'s encoding straight into the builder, with the same checks
    /// (<see cref="SparseU16Row.Decode"/>), so an epoch does not build each row twice.
    /// </summary>
    private static void AddRow(SparseU16Matrix.Builder builder, byte[]? stored, int n)
    {
        if (stored is not null)
        {
            var reader = new CodecReader(stored);
            var version = reader.U8("row.version");
            if (version != RowEncodingVersion)
            {
                throw new CodecException($"row.version: {version} is not known");
            }

            var count = reader.Length32("row.count", SparseU16Row.EntriesMax);
            var previous = -1;
            for (var i = 0; i < count; i++)
            {
                var uid = reader.U16("row.uid");
                var value = reader.U16("row.value");
                if (uid <= previous || value == 0)
                {
                    throw new CodecException("row: uids must ascend and values be non-zero");
                }

                previous = uid;
                if (uid < n)
                {
                    builder.Add(uid, value);
                }
            }

            reader.End("row");
        }

        builder.EndRow();
    }
}
