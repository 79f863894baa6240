namespace Agora.Protocol.Events;

/// <summary>The first byte of an encoded event. Persisted: never renumber, only append.</summary>
public enum EventTag : byte
{
    /// <summary><see cref="Emission.EmissionMinted"/>.</summary>
    EmissionMinted = 0,

    /// <summary><see cref="Balances.TransactionFeePaid"/>.</summary>
    TransactionFeePaid = 1,

    /// <summary><see cref="Balances.Transferred"/>.</summary>
    Transferred = 2,

    /// <summary><see cref="System.CallFailed"/>.</summary>
    CallFailed = 3,

    /// <summary><see cref="Staking.HotkeyAssociated"/>.</summary>
    HotkeyAssociated = 4,

    /// <summary><see cref="Staking.StakeAdded"/>.</summary>
    StakeAdded = 5,

    /// <summary><see cref="Staking.StakeRemoved"/>.</summary>
    StakeRemoved = 6,

    /// <summary><see cref="Staking.StakeMoved"/>.</summary>
    StakeMoved = 7,

    /// <summary><see cref="Staking.TakeChanged"/>.</summary>
    TakeChanged = 8,

    /// <summary><see cref="Governance.SubnetProposed"/>.</summary>
    SubnetProposed = 9,

    /// <summary><see cref="Governance.Voted"/>.</summary>
    Voted = 10,

    /// <summary><see cref="Governance.SubnetLaunched"/>.</summary>
    SubnetLaunched = 11,

    /// <summary><see cref="Governance.ProposalRejected"/>.</summary>
    ProposalRejected = 12,

    /// <summary><see cref="Governance.ProposalExpired"/>.</summary>
    ProposalExpired = 13,

    /// <summary><see cref="Governance.ProposalCancelled"/>.</summary>
    ProposalCancelled = 14,

    /// <summary><see cref="Subnets.SubnetDeregistered"/>.</summary>
    SubnetDeregistered = 15,

    /// <summary><see cref="Subnets.HyperparameterSet"/>.</summary>
    HyperparameterSet = 16,

    /// <summary><see cref="Neurons.NeuronRegistered"/>.</summary>
    NeuronRegistered = 17,

    /// <summary><see cref="Neurons.NeuronReplaced"/>.</summary>
    NeuronReplaced = 18,

    /// <summary><see cref="Neurons.HotkeySwapped"/>.</summary>
    HotkeySwapped = 19,

    /// <summary><see cref="Neurons.AxonServed"/>.</summary>
    AxonServed = 20,

    /// <summary><see cref="Neurons.BurnAdjusted"/>.</summary>
    BurnAdjusted = 21,

    /// <summary><see cref="Weights.WeightsSet"/>.</summary>
    WeightsSet = 22,

    /// <summary><see cref="Weights.WeightsCommitted"/>.</summary>
    WeightsCommitted = 23,

    /// <summary><see cref="Weights.WeightsRevealed"/>.</summary>
    WeightsRevealed = 24,

    /// <summary><see cref="Epochs.EpochRun"/>.</summary>
    EpochRun = 25,

    /// <summary><see cref="Epochs.StakePenalty"/>.</summary>
    StakePenalty = 26,
}
