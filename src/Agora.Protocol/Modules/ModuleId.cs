namespace Agora.Protocol.Modules;

/// <summary>
/// The runtime's modules. The value is the first byte of every state key the module owns and the module part of
/// a call error. Persisted: never renumber, only append.
/// </summary>
public enum ModuleId : byte
{
    /// <summary>Chain-wide values: issuance, block number, sudo key.</summary>
    System = 0,

    /// <summary>Free and reserved balances, fees, transfers.</summary>
    Balances = 1,

    /// <summary>Hotkey ownership, delegate take, stake positions.</summary>
    Staking = 2,

    /// <summary>Subnets, their hyperparameters, stake EMA and pending emission.</summary>
    Subnets = 3,

    /// <summary>Senate, subnet proposals and votes.</summary>
    Governance = 4,

    /// <summary>Block emission and its split across subnets.</summary>
    Emission = 5,

    /// <summary>Neurons: registration and its burn, uids, axons, hotkey swaps, the replacement history.</summary>
    Neurons = 6,

    /// <summary>Weights: rows set or revealed by validators, their last update, pending commits.</summary>
    Weights = 7,

    /// <summary>Epochs: each subnet's Yuma outputs per uid, bonds, and when its last epoch ran.</summary>
    Epochs = 8,
}
