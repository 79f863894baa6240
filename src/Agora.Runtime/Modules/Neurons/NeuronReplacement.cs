using Agora.Core.Primitives;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Clears a uid that changes hands so its new neuron starts clean: no weights row, no bonds row and no column in
/// anyone's bonds, no epoch outputs, no axon; the old hotkey loses its indexes and pending commits on the subnet.
/// Stake on the old hotkey stays where it is. Callers check first; this only writes.
/// </summary>
public static class NeuronReplacement
{
    /// <summary>Clears (<paramref name="netuid"/>, <paramref name="uid"/>), held until now by <paramref name="oldHotkey"/>.</summary>
    public static void Clear(StateOverlay state, ushort netuid, ushort uid, AccountId oldHotkey)
    {
        ArgumentNullException.ThrowIfNull(state);
        WeightsState.SetRow(state, netuid, uid, SparseU16Row.Empty);
        EpochState.SetBonds(state, netuid, uid, SparseU16Row.Empty);
        var bondsOn = StateKey.With(EpochKeys.BondsPrefix, netuid);
        foreach (var (key, value) in state.Iterate(bondsOn).ToArray())
        {
            var row = SparseU16Row.Decode(value);
            var without = row.Without(uid);
            if (!ReferenceEquals(without, row))
            {
                EpochState.SetBonds(state, netuid, StateKey.NetuidAt(key, bondsOn.Length), without);
            }
        }

        state.Delete(EpochKeys.Outputs(netuid, uid));
        state.Delete(NeuronKeys.Axon(netuid, uid));
        NeuronState.RemoveHotkeyIndexes(state, netuid, oldHotkey);
        WeightsState.SetCommits(state, netuid, oldHotkey, PendingCommits.None);
    }
}
