namespace Agora.Runtime.Events;

/// <summary>The first byte of an encoded event. Persisted: never renumber, only append.</summary>
public enum EventTag : byte
{
    /// <summary><see cref="Modules.Emission.EmissionMinted"/>.</summary>
    EmissionMinted = 0,

    /// <summary><see cref="Modules.Balances.TransactionFeePaid"/>.</summary>
    TransactionFeePaid = 1,

    /// <summary><see cref="Modules.Balances.Transferred"/>.</summary>
    Transferred = 2,

    /// <summary><see cref="Modules.System.CallFailed"/>.</summary>
    CallFailed = 3,

    /// <summary><see cref="Modules.Staking.HotkeyAssociated"/>.</summary>
    HotkeyAssociated = 4,

    /// <summary><see cref="Modules.Staking.StakeAdded"/>.</summary>
    StakeAdded = 5,

    /// <summary><see cref="Modules.Staking.StakeRemoved"/>.</summary>
    StakeRemoved = 6,

    /// <summary><see cref="Modules.Staking.StakeMoved"/>.</summary>
    StakeMoved = 7,

    /// <summary><see cref="Modules.Staking.TakeChanged"/>.</summary>
    TakeChanged = 8,

    /// <summary><see cref="Modules.Governance.SubnetProposed"/>.</summary>
    SubnetProposed = 9,

    /// <summary><see cref="Modules.Governance.Voted"/>.</summary>
    Voted = 10,

    /// <summary><see cref="Modules.Governance.SubnetLaunched"/>.</summary>
    SubnetLaunched = 11,

    /// <summary><see cref="Modules.Governance.ProposalRejected"/>.</summary>
    ProposalRejected = 12,

    /// <summary><see cref="Modules.Governance.ProposalExpired"/>.</summary>
    ProposalExpired = 13,

    /// <summary><see cref="Modules.Governance.ProposalCancelled"/>.</summary>
    ProposalCancelled = 14,

    /// <summary><see cref="Modules.Subnets.SubnetDeregistered"/>.</summary>
    SubnetDeregistered = 15,

    /// <summary><see cref="Modules.Subnets.HyperparameterSet"/>.</summary>
    HyperparameterSet = 16,

    /// <summary><see cref="Modules.Neurons.NeuronRegistered"/>.</summary>
    NeuronRegistered = 17,

    /// <summary><see cref="Modules.Neurons.NeuronReplaced"/>.</summary>
    NeuronReplaced = 18,

    /// <summary><see cref="Modules.Neurons.HotkeySwapped"/>.</summary>
    HotkeySwapped = 19,

    /// <summary><see cref="Modules.Neurons.AxonServed"/>.</summary>
    AxonServed = 20,

    /// <summary><see cref="Modules.Neurons.BurnAdjusted"/>.</summary>
    BurnAdjusted = 21,

    /// <summary><see cref="Modules.Weights.WeightsSet"/>.</summary>
    WeightsSet = 22,

    /// <summary><see cref="Modules.Weights.WeightsCommitted"/>.</summary>
    WeightsCommitted = 23,

    /// <summary><see cref="Modules.Weights.WeightsRevealed"/>.</summary>
    WeightsRevealed = 24,
}
