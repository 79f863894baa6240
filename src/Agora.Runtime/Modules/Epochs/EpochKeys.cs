using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>The epochs module's state layout. Persisted: never reuse or renumber an item byte.</summary>
public static class EpochKeys
{
    /// <summary>netuid ‖ uid → the uid's last epoch outputs (<see cref="NeuronOutputs"/>).</summary>
    public static readonly byte[] OutputsPrefix = StateKey.Prefix(ModuleId.Epochs, 0x01);

    /// <summary>netuid ‖ uid → the uid's bonds row as stored after the last epoch (<see cref="Weights.SparseU16Row"/>).</summary>
    public static readonly byte[] BondsPrefix = StateKey.Prefix(ModuleId.Epochs, 0x02);

    /// <summary>netuid → <see cref="SubnetEpochState"/>.</summary>
    public static readonly byte[] SubnetPrefix = StateKey.Prefix(ModuleId.Epochs, 0x03);

    /// <summary>The outputs of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] Outputs(ushort netuid, ushort uid) => StateKey.With(StateKey.With(OutputsPrefix, netuid), uid);

    /// <summary>The bonds row of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static byte[] Bonds(ushort netuid, ushort uid) => StateKey.With(StateKey.With(BondsPrefix, netuid), uid);

    /// <summary>The epoch state of <paramref name="netuid"/>.</summary>
    public static byte[] Subnet(ushort netuid) => StateKey.With(SubnetPrefix, netuid);
}
