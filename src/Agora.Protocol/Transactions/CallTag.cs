namespace Agora.Protocol.Transactions;

/// <summary>The first byte of an encoded call. Persisted: never renumber, only append.</summary>
public enum CallTag : byte
{
    /// <summary><see cref="Balances.TransferCall"/>.</summary>
    Transfer = 0,

    /// <summary><see cref="Staking.AssociateHotkeyCall"/>.</summary>
    AssociateHotkey = 1,

    /// <summary><see cref="Staking.AddStakeCall"/>.</summary>
    AddStake = 2,

    /// <summary><see cref="Staking.RemoveStakeCall"/>.</summary>
    RemoveStake = 3,

    /// <summary><see cref="Staking.MoveStakeCall"/>.</summary>
    MoveStake = 4,

    /// <summary><see cref="Staking.SetTakeCall"/>.</summary>
    SetTake = 5,

    /// <summary><see cref="Governance.ProposeSubnetCall"/>.</summary>
    ProposeSubnet = 6,

    /// <summary><see cref="Governance.VoteCall"/>.</summary>
    Vote = 7,

    /// <summary><see cref="Governance.CancelProposalCall"/>.</summary>
    CancelProposal = 8,

    /// <summary><see cref="Subnets.SetHyperparameterCall"/>.</summary>
    SetHyperparameter = 9,

    /// <summary><see cref="Neurons.BurnedRegisterCall"/>.</summary>
    BurnedRegister = 10,

    /// <summary><see cref="Neurons.SwapHotkeyCall"/>.</summary>
    SwapHotkey = 11,

    /// <summary><see cref="Neurons.ServeAxonCall"/>.</summary>
    ServeAxon = 12,

    /// <summary><see cref="Weights.SetWeightsCall"/>.</summary>
    SetWeights = 13,

    /// <summary><see cref="Weights.CommitWeightsCall"/>.</summary>
    CommitWeights = 14,

    /// <summary><see cref="Weights.RevealWeightsCall"/>.</summary>
    RevealWeights = 15,
}
