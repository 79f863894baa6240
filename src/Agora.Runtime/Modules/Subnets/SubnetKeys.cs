using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>The subnets module's state layout. Persisted: never reuse or renumber an item byte.</summary>
public static class SubnetKeys
{
    /// <summary>netuid → <see cref="SubnetInfo"/>; a subnet exists exactly when this key does.</summary>
    public static readonly byte[] InfoPrefix = StateKey.Prefix(ModuleId.Subnets, 0x01);

    /// <summary>netuid → <see cref="SubnetHyperparameters"/> (netuid ≥ 1).</summary>
    public static readonly byte[] HyperparametersPrefix = StateKey.Prefix(ModuleId.Subnets, 0x02);

    /// <summary>netuid → <see cref="SubnetEconomy"/>.</summary>
    public static readonly byte[] EconomyPrefix = StateKey.Prefix(ModuleId.Subnets, 0x03);

    /// <summary>The <see cref="LockState"/>.</summary>
    public static readonly byte[] Lock = StateKey.Prefix(ModuleId.Subnets, 0x04);

    /// <summary>The key of <paramref name="netuid"/>'s info.</summary>
    public static byte[] Info(ushort netuid) => StateKey.With(InfoPrefix, netuid);

    /// <summary>The key of <paramref name="netuid"/>'s hyperparameters.</summary>
    public static byte[] HyperparametersOf(ushort netuid) => StateKey.With(HyperparametersPrefix, netuid);

    /// <summary>The key of <paramref name="netuid"/>'s economy.</summary>
    public static byte[] Economy(ushort netuid) => StateKey.With(EconomyPrefix, netuid);
}
