using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Subnets;
using Agora.Protocol.Weights;
using Agora.Runtime.Modules.Subnets;
using Agora.Storage;

namespace Agora.Runtime.Modules.Weights;

/// <summary>The first checks of every weights call: the subnet, its commit-reveal switch, the signer's uid.</summary>
internal static class WeightsPreconditions
{
    /// <summary>The hyperparameters of <paramref name="netuid"/>, or null when no subnet (netuid ≥ 1) has it.</summary>
    public static SubnetHyperparameters? Subnet(IStateReader state, ushort netuid) =>
        netuid == SubnetState.RootNetuid ? null : SubnetState.HyperparametersOf(state, netuid);

    /// <summary>The error for a netuid <see cref="Subnet"/> does not find.</summary>
    public static CallError SubnetNotFound(ushort netuid) =>
        WeightsError.SubnetNotFound.Because(netuid == SubnetState.RootNetuid
            ? "the root subnet (netuid 0) has no neurons and takes no weights"
            : $"no subnet has netuid {netuid}; see `agora subnets list`");

    /// <summary>The error for a hotkey that holds no uid on the subnet.</summary>
    public static CallError NotRegistered(AccountId hotkey, ushort netuid) =>
        WeightsError.NotRegistered.Because($"hotkey {hotkey} holds no uid on subnet {netuid}; register it with `agora subnets register --netuid {netuid}`");

    /// <summary>True when the subnet takes weights only by commit and reveal.</summary>
    public static bool CommitRevealEnabled(SubnetHyperparameters hyperparameters) => hyperparameters[HyperparameterId.CommitRevealEnabled] != 0;
}
