using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>Typed reads and writes of the epochs module's state.</summary>
public static class EpochState
{
    /// <summary>The last epoch outputs of (<paramref name="netuid"/>, <paramref name="uid"/>); <see cref="NeuronOutputs.None"/> before its first.</summary>
    public static NeuronOutputs Outputs(IStateLookup state, ushort netuid, ushort uid) =>
        state.Get(EpochKeys.Outputs(netuid, uid)) is { } bytes ? NeuronOutputs.Decode(bytes) : NeuronOutputs.None;

    /// <summary>The bonds row of (<paramref name="netuid"/>, <paramref name="uid"/>); empty when none.</summary>
    public static SparseU16Row Bonds(IStateLookup state, ushort netuid, ushort uid) =>
        state.Get(EpochKeys.Bonds(netuid, uid)) is { } bytes ? SparseU16Row.Decode(bytes) : SparseU16Row.Empty;

    /// <summary>When <paramref name="netuid"/>'s last epoch ran, or null before its first.</summary>
    public static SubnetEpochState? Subnet(IStateLookup state, ushort netuid) =>
        state.Get(EpochKeys.Subnet(netuid)) is { } bytes ? SubnetEpochState.Decode(bytes) : null;

    /// <summary>True when (<paramref name="netuid"/>, <paramref name="uid"/>) holds a validator permit from the last epoch.</summary>
    public static bool HasValidatorPermit(IStateLookup state, ushort netuid, ushort uid) => Outputs(state, netuid, uid).ValidatorPermit;

    /// <summary>Stores the outputs of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static void SetOutputs(StateOverlay state, ushort netuid, ushort uid, NeuronOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        state.Set(EpochKeys.Outputs(netuid, uid), outputs.Encode());
    }

    /// <summary>Stores a bonds row (an empty row removes the key).</summary>
    public static void SetBonds(StateOverlay state, ushort netuid, ushort uid, SparseU16Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.IsEmpty)
        {
            state.Delete(EpochKeys.Bonds(netuid, uid));
        }
        else
        {
            state.Set(EpochKeys.Bonds(netuid, uid), row.Encode());
        }
    }

    /// <summary>Stores when <paramref name="netuid"/>'s last epoch ran.</summary>
    public static void SetSubnet(StateOverlay state, ushort netuid, SubnetEpochState epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        state.Set(EpochKeys.Subnet(netuid), epoch.Encode());
    }
}
