using Agora.Core.Primitives;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>Typed reads and writes of the neurons module's state.</summary>
public static class NeuronState
{
    /// <summary>How many uids <paramref name="netuid"/> uses (0 … count − 1).</summary>
    public static ushort Count(IStateLookup state, ushort netuid) => (ushort)state.ReadU64(NeuronKeys.Count(netuid));

    /// <summary>Who holds (<paramref name="netuid"/>, <paramref name="uid"/>), or null.</summary>
    public static NeuronInfo? Neuron(IStateLookup state, ushort netuid, ushort uid) =>
        state.Get(NeuronKeys.Neuron(netuid, uid)) is { } bytes ? NeuronInfo.Decode(bytes) : null;

    /// <summary>The uid <paramref name="hotkey"/> holds on <paramref name="netuid"/>, or null.</summary>
    public static ushort? UidOf(IStateLookup state, ushort netuid, AccountId hotkey) =>
        state.Get(NeuronKeys.Uid(netuid, hotkey)) is { } bytes ? (ushort)StateReading.DecodeU64(bytes) : null;

    /// <summary>The axon of (<paramref name="netuid"/>, <paramref name="uid"/>), or null.</summary>
    public static AxonInfo? Axon(IStateLookup state, ushort netuid, ushort uid) =>
        state.Get(NeuronKeys.Axon(netuid, uid)) is { } bytes ? AxonInfo.Decode(bytes) : null;

    /// <summary>The registration state of <paramref name="netuid"/>; before any registration, the chain's start burn.</summary>
    public static RegistrationState Registration(IStateLookup state, ushort netuid, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return state.Get(NeuronKeys.Registration(netuid)) is { } bytes ? RegistrationState.Decode(bytes) : new RegistrationState(parameters.RegistrationBurnStart, 0, 0, 0);
    }

    /// <summary>The subnets <paramref name="hotkey"/> is registered on, with its uid there, by netuid.</summary>
    public static IEnumerable<(ushort Netuid, ushort Uid)> RegistrationsOf(IStateReader state, AccountId hotkey)
    {
        var prefix = NeuronKeys.RegistrationsOf(hotkey);
        return state.Iterate(prefix).Select(e => (StateKey.NetuidAt(e.Key, prefix.Length), (ushort)StateReading.DecodeU64(e.Value)));
    }

    /// <summary>Stores the uid count of <paramref name="netuid"/>.</summary>
    public static void SetCount(StateOverlay state, ushort netuid, ushort count) => state.SetU64OrDelete(NeuronKeys.Count(netuid), count);

    /// <summary>Gives (<paramref name="netuid"/>, <paramref name="uid"/>) to <paramref name="info"/>'s hotkey, with both indexes.</summary>
    public static void SetNeuron(StateOverlay state, ushort netuid, ushort uid, NeuronInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        state.Set(NeuronKeys.Neuron(netuid, uid), info.Encode());
        state.SetU64(NeuronKeys.Uid(netuid, info.Hotkey), uid);
        state.SetU64(NeuronKeys.HotkeyRegistration(info.Hotkey, netuid), uid);
    }

    /// <summary>Removes <paramref name="hotkey"/>'s indexes on <paramref name="netuid"/> (its uid record is overwritten or removed by the caller).</summary>
    public static void RemoveHotkeyIndexes(StateOverlay state, ushort netuid, AccountId hotkey)
    {
        state.Delete(NeuronKeys.Uid(netuid, hotkey));
        state.Delete(NeuronKeys.HotkeyRegistration(hotkey, netuid));
    }

    /// <summary>Stores the axon of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static void SetAxon(StateOverlay state, ushort netuid, ushort uid, AxonInfo axon)
    {
        ArgumentNullException.ThrowIfNull(axon);
        state.Set(NeuronKeys.Axon(netuid, uid), axon.Encode());
    }

    /// <summary>Stores the registration state of <paramref name="netuid"/>.</summary>
    public static void SetRegistration(StateOverlay state, ushort netuid, RegistrationState registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        state.Set(NeuronKeys.Registration(netuid), registration.Encode());
    }
}
