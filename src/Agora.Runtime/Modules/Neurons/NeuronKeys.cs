using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// The neurons module's state layout. Every per-uid record has its own key, so a past block's metagraph reads by
/// point lookups from that block's state root. Persisted: never reuse or renumber an item byte.
/// </summary>
public static class NeuronKeys
{
    /// <summary>netuid → how many uids are in use (u16): uids are 0 … count − 1, reused only by replacement.</summary>
    public static readonly byte[] CountPrefix = StateKey.Prefix(ModuleId.Neurons, 0x01);

    /// <summary>netuid ‖ uid → <see cref="NeuronInfo"/>.</summary>
    public static readonly byte[] NeuronPrefix = StateKey.Prefix(ModuleId.Neurons, 0x02);

    /// <summary>netuid ‖ hotkey → uid (u16): which uid a hotkey holds on a subnet.</summary>
    public static readonly byte[] UidPrefix = StateKey.Prefix(ModuleId.Neurons, 0x03);

    /// <summary>netuid ‖ uid → <see cref="AxonInfo"/>, absent until the neuron serves one.</summary>
    public static readonly byte[] AxonPrefix = StateKey.Prefix(ModuleId.Neurons, 0x04);

    /// <summary>netuid → <see cref="RegistrationState"/>: the burn and the counters it adjusts by.</summary>
    public static readonly byte[] RegistrationPrefix = StateKey.Prefix(ModuleId.Neurons, 0x05);

    /// <summary>netuid → the last <see cref="NeuronLimits.DeregistrationsKept"/> replacements, newest first.</summary>
    public static readonly byte[] DeregistrationsPrefix = StateKey.Prefix(ModuleId.Neurons, 0x06);

    /// <summary>hotkey ‖ netuid → uid (u16): the subnets a hotkey is registered on (for swaps and wallet overviews).</summary>
    public static readonly byte[] HotkeyRegistrationPrefix = StateKey.Prefix(ModuleId.Neurons, 0x07);

    /// <summary>The uid count of <paramref name="netuid"/>.</summary>
    public static byte[] Count(ushort netuid) => StateKey.With(CountPrefix, netuid);

    /// <summary>The record of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] Neuron(ushort netuid, ushort uid) => StateKey.With(StateKey.With(NeuronPrefix, netuid), uid);

    /// <summary>Every neuron record of <paramref name="netuid"/>.</summary>
    public static byte[] NeuronsOn(ushort netuid) => StateKey.With(NeuronPrefix, netuid);

    /// <summary>The uid of <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public static byte[] Uid(ushort netuid, AccountId hotkey) => StateKey.With(StateKey.With(UidPrefix, netuid), hotkey);

    /// <summary>The axon of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] Axon(ushort netuid, ushort uid) => StateKey.With(StateKey.With(AxonPrefix, netuid), uid);

    /// <summary>The registration state of <paramref name="netuid"/>.</summary>
    public static byte[] Registration(ushort netuid) => StateKey.With(RegistrationPrefix, netuid);

    /// <summary>The replacement history of <paramref name="netuid"/>.</summary>
    public static byte[] Deregistrations(ushort netuid) => StateKey.With(DeregistrationsPrefix, netuid);

    /// <summary>Every registration of <paramref name="hotkey"/>.</summary>
    public static byte[] RegistrationsOf(AccountId hotkey) => StateKey.With(HotkeyRegistrationPrefix, hotkey);

    /// <summary>The registration entry of <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public static byte[] HotkeyRegistration(AccountId hotkey, ushort netuid) => StateKey.With(RegistrationsOf(hotkey), netuid);
}
