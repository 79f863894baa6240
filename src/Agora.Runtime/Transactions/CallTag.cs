namespace Agora.Runtime.Transactions;

/// <summary>The first byte of an encoded call. Persisted: never renumber, only append.</summary>
public enum CallTag : byte
{
    /// <summary><see cref="Modules.Balances.TransferCall"/>.</summary>
    Transfer = 0,

    /// <summary><see cref="Modules.Staking.AssociateHotkeyCall"/>.</summary>
    AssociateHotkey = 1,

    /// <summary><see cref="Modules.Staking.AddStakeCall"/>.</summary>
    AddStake = 2,

    /// <summary><see cref="Modules.Staking.RemoveStakeCall"/>.</summary>
    RemoveStake = 3,

    /// <summary><see cref="Modules.Staking.MoveStakeCall"/>.</summary>
    MoveStake = 4,

    /// <summary><see cref="Modules.Staking.SetTakeCall"/>.</summary>
    SetTake = 5,

    /// <summary><see cref="Modules.Governance.ProposeSubnetCall"/>.</summary>
    ProposeSubnet = 6,

    /// <summary><see cref="Modules.Governance.VoteCall"/>.</summary>
    Vote = 7,

    /// <summary><see cref="Modules.Governance.CancelProposalCall"/>.</summary>
    CancelProposal = 8,

    /// <summary><see cref="Modules.Subnets.SetHyperparameterCall"/>.</summary>
    SetHyperparameter = 9,

    /// <summary><see cref="Modules.Neurons.BurnedRegisterCall"/>.</summary>
    BurnedRegister = 10,

    /// <summary><see cref="Modules.Neurons.SwapHotkeyCall"/>.</summary>
    SwapHotkey = 11,

    /// <summary><see cref="Modules.Neurons.ServeAxonCall"/>.</summary>
    ServeAxon = 12,

    /// <summary><see cref="Modules.Weights.SetWeightsCall"/>.</summary>
    SetWeights = 13,

    /// <summary><see cref="Modules.Weights.CommitWeightsCall"/>.</summary>
    CommitWeights = 14,

    /// <summary><see cref="Modules.Weights.RevealWeightsCall"/>.</summary>
    RevealWeights = 15,
}
