namespace Agora.Protocol.Subnets;

/// <summary>Why a subnets call failed. Persisted in events: never renumber, only append.</summary>
public enum SubnetsError : ushort
{
    /// <summary>No subnet has this netuid.</summary>
    SubnetNotFound = 1,

    /// <summary>The root subnet has no hyperparameters.</summary>
    RootHasNoHyperparameters = 2,

    /// <summary>The hyperparameter id is not known to this runtime.</summary>
    UnknownHyperparameter = 3,

    /// <summary>The value lies outside the hyperparameter's bounds.</summary>
    ValueOutOfBounds = 4,

    /// <summary>The sender is neither the subnet's owner nor (on a dev chain) the sudo key.</summary>
    NotSubnetOwner = 5,

    /// <summary>Only sudo may set this hyperparameter.</summary>
    NotOwnerSettable = 6,
}
