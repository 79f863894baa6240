using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Removes everything the neurons, weights and epochs modules keep for a subnet that is deregistered: uids and their
/// indexes, axons, the registration market and replacement history, weights rows, last updates, pending commits,
/// epoch outputs, bonds and the epoch state. Only keys that exist are deleted, so a subnet without neurons (every
/// subnet under earlier runtime versions) changes nothing.
/// </summary>
public static class SubnetNeuronsRemoval
{
    /// <summary>Deletes every neurons, weights and epochs key of <paramref name="netuid"/>.</summary>
    public static void Remove(StateOverlay state, ushort netuid)
    {
        ArgumentNullException.ThrowIfNull(state);

        // The per-hotkey index lives under the hotkey, so it is found through the subnet's uid index.
        var uidsOn = StateKey.With(NeuronKeys.UidPrefix, netuid);
        foreach (var entry in state.Iterate(uidsOn).ToArray())
        {
            DeleteIfPresent(state, NeuronKeys.HotkeyRegistration(StateKey.AccountAt(entry.Key, uidsOn.Length), netuid));
        }

        byte[][] prefixes =
        [
            NeuronKeys.NeuronsOn(netuid), uidsOn, StateKey.With(NeuronKeys.AxonPrefix, netuid),
            StateKey.With(WeightsKeys.RowPrefix, netuid), StateKey.With(WeightsKeys.LastUpdatePrefix, netuid), WeightsKeys.CommitsOn(netuid),
            StateKey.With(EpochKeys.OutputsPrefix, netuid), StateKey.With(EpochKeys.BondsPrefix, netuid),
        ];
        foreach (var prefix in prefixes)
        {
            foreach (var entry in state.Iterate(prefix).ToArray())
            {
                state.Delete(entry.Key);
            }
        }

        DeleteIfPresent(state, NeuronKeys.Count(netuid));
        DeleteIfPresent(state, NeuronKeys.Registration(netuid));
        DeleteIfPresent(state, NeuronKeys.Deregistrations(netuid));
        DeleteIfPresent(state, EpochKeys.Subnet(netuid));
    }

    private static void DeleteIfPresent(StateOverlay state, byte[] key)
    {
        if (state.Get(key) is not null)
        {
            state.Delete(key);
        }
    }
}
