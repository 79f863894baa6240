using Agora.Core.Primitives;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Runtime.Genesis;

/// <summary>A subnet that exists from genesis (benchmark and test chains), with no lock, at the next free netuid.</summary>
public sealed record GenesisSubnet(string Name, AccountId Owner, AccountId OwnerHotkey)
{
    /// <summary>Its hyperparameters; null for the chain's subnet defaults.</summary>
    public SubnetHyperparameters? Hyperparameters { get; init; }

    /// <summary>Neurons registered on it at block 0, given uids 0, 1, … in this order (at most its <c>max_allowed_uids</c>).</summary>
    public IReadOnlyList<GenesisNeuron> Neurons { get; init; } = [];
}
