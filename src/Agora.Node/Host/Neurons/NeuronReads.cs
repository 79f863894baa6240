using System.Collections.Immutable;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Storage;

namespace Agora.Node.Host.Neurons;

/// <summary>
/// The neuron reads behind the metagraph, weights and bonds methods, as pure functions of a state. They use point
/// lookups only (<see cref="IStateLookup.Get"/>, never <see cref="IStateReader.Iterate"/>), so they read a past block's
/// state from its state root as well as the best state: one key per uid, a fixed number of keys per neuron.
/// </summary>
internal static class NeuronReads
{
    /// <summary>The metagraph of <paramref name="netuid"/> as of <paramref name="block"/>, whose state <paramref name="state"/> is.</summary>
    public static Metagraph Metagraph(IStateLookup state, ushort netuid, ulong block)
    {
        var values = Hyperparameters(state, netuid);
        var count = NeuronState.Count(state, netuid);
        var neurons = ImmutableArray.CreateBuilder<MetagraphNeuron>(count);
        for (ushort uid = 0; uid < count; uid++)
        {
            if (Neuron(state, netuid, uid, block, values[HyperparameterId.ActivityCutoff]) is { } neuron)
            {
                neurons.Add(neuron);
            }
        }

        return new Metagraph(netuid, block, neurons.DrainToImmutable());
    }

    /// <summary>One neuron as the metagraph lists it, or null when nobody holds (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static MetagraphNeuron? Neuron(IStateLookup state, ushort netuid, ushort uid, ulong block, ulong activityCutoff)
    {
        if (NeuronState.Neuron(state, netuid, uid) is not { } info)
        {
            return null;
        }

        var lastUpdate = WeightsState.LastUpdate(state, netuid, uid);
        return new MetagraphNeuron(
            uid,
            info,
            StakingState.Hotkey(state, info.Hotkey)?.Owner,
            StakingState.HotkeyStakeOn(state, info.Hotkey, netuid),
            EpochState.Outputs(state, netuid, uid),
            lastUpdate,
            IsActive(lastUpdate, activityCutoff, block),
            NeuronState.Axon(state, netuid, uid));
    }

    /// <summary>A neuron is active while its last update plus the subnet's activity cutoff reaches the block.</summary>
    public static bool IsActive(ulong lastUpdate, ulong activityCutoff, ulong block) => (UInt128)lastUpdate + activityCutoff >= block;

    /// <summary>The non-empty weights rows of <paramref name="netuid"/>, by uid.</summary>
    public static ImmutableArray<(ushort Uid, SparseU16Row Row)> WeightRows(IStateLookup state, ushort netuid) =>
        Rows(state, netuid, WeightsState.Row);

    /// <summary>The non-empty bonds rows of <paramref name="netuid"/>, by uid.</summary>
    public static ImmutableArray<(ushort Uid, SparseU16Row Row)> BondRows(IStateLookup state, ushort netuid) =>
        Rows(state, netuid, EpochState.Bonds);

    /// <summary>The hyperparameters of a subnet with neurons (the caller has checked it exists and is not root).</summary>
    public static SubnetHyperparameters Hyperparameters(IStateLookup state, ushort netuid) =>
        SubnetState.HyperparametersOf(state, netuid) ?? throw new InvalidOperationException($"subnet {netuid} has no hyperparameters");

    private static ImmutableArray<(ushort Uid, SparseU16Row Row)> Rows(IStateLookup state, ushort netuid, Func<IStateLookup, ushort, ushort, SparseU16Row> read)
    {
        var count = NeuronState.Count(state, netuid);
        var rows = ImmutableArray.CreateBuilder<(ushort, SparseU16Row)>();
        for (ushort uid = 0; uid < count; uid++)
        {
            var row = read(state, netuid, uid);
            if (!row.IsEmpty)
            {
                rows.Add((uid, row));
            }
        }

        return rows.ToImmutable();
    }
}
