using Agora.Core.Primitives;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>Typed reads and writes of subnet state.</summary>
public static class SubnetState
{
    /// <summary>The root subnet: no neurons, no emission; stake there counts for governance only.</summary>
    public const ushort RootNetuid = 0;

    /// <summary>True when <paramref name="netuid"/> exists.</summary>
    public static bool Exists(IStateLookup state, ushort netuid) => state.Get(SubnetKeys.Info(netuid)) is not null;

    /// <summary>The info of <paramref name="netuid"/>, or null.</summary>
    public static SubnetInfo? Info(IStateLookup state, ushort netuid) =>
        state.Get(SubnetKeys.Info(netuid)) is { } bytes ? SubnetInfo.Decode(bytes) : null;

    /// <summary>The economy of <paramref name="netuid"/> (empty when absent).</summary>
    public static SubnetEconomy Economy(IStateLookup state, ushort netuid) =>
        state.Get(SubnetKeys.Economy(netuid)) is { } bytes ? SubnetEconomy.Decode(bytes) : SubnetEconomy.Empty;

    /// <summary>The hyperparameters of <paramref name="netuid"/>, or null (root, or no such subnet).</summary>
    public static SubnetHyperparameters? HyperparametersOf(IStateLookup state, ushort netuid) =>
        state.Get(SubnetKeys.HyperparametersOf(netuid)) is { } bytes ? SubnetHyperparameters.Decode(bytes) : null;

    /// <summary>The lock state, as before any launch when absent.</summary>
    public static LockState Lock(IStateLookup state) =>
        state.Get(SubnetKeys.Lock) is { } bytes ? LockState.Decode(bytes) : new LockState(Rao.Zero, 0, false);

    /// <summary>Every subnet's netuid in ascending order, root included.</summary>
    public static IEnumerable<ushort> Netuids(IStateReader state) =>
        state.Iterate(SubnetKeys.InfoPrefix).Select(entry => StateKey.NetuidAt(entry.Key, SubnetKeys.InfoPrefix.Length));

    /// <summary>Every subnet's economy with its netuid, ascending, root included.</summary>
    public static IEnumerable<(ushort Netuid, SubnetEconomy Economy)> Economies(IStateReader state) =>
        state.Iterate(SubnetKeys.EconomyPrefix).Select(entry => (StateKey.NetuidAt(entry.Key, SubnetKeys.EconomyPrefix.Length), SubnetEconomy.Decode(entry.Value)));

    /// <summary>Stores <paramref name="economy"/>.</summary>
    public static void SetEconomy(StateOverlay state, ushort netuid, SubnetEconomy economy) => state.Set(SubnetKeys.Economy(netuid), economy.Encode());

    /// <summary>Stores <paramref name="info"/>.</summary>
    public static void SetInfo(StateOverlay state, ushort netuid, SubnetInfo info) => state.Set(SubnetKeys.Info(netuid), info.Encode());

    /// <summary>Stores <paramref name="values"/>.</summary>
    public static void SetHyperparameters(StateOverlay state, ushort netuid, SubnetHyperparameters values) =>
        state.Set(SubnetKeys.HyperparametersOf(netuid), values.Encode());

    /// <summary>Stores the lock state.</summary>
    public static void SetLock(StateOverlay state, LockState lockState) => state.Set(SubnetKeys.Lock, lockState.Encode());
}
