namespace Agora.Protocol.Subnets;

/// <summary>
/// A subnet hyperparameter (DESIGN §4a's table; names in spec/interfaces.md are the snake_case of these). The value
/// is its index in the stored record and its id in calls and events. Persisted: never renumber, only append.
/// </summary>
public enum HyperparameterId : byte
{
#pragma warning disable CS1591 // each is documented in the definitions table (Hyperparameters.Definitions)
    Tempo = 0,
    Kappa = 1,
    ImmunityPeriod = 2,
    ActivityCutoff = 3,
    MaxAllowedUids = 4,
    MaxAllowedValidators = 5,
    MinAllowedWeights = 6,
    MaxWeightLimit = 7,
    WeightsRateLimit = 8,
    WeightsVersion = 9,
    BondsMovingAverage = 10,
    BondsPenalty = 11,
    CommitRevealEnabled = 12,
    CommitRevealPeriod = 13,
    AdjustmentInterval = 14,
    TargetRegistrationsPerInterval = 15,
    MaxRegistrationsPerBlock = 16,
    MinBurn = 17,
    MaxBurn = 18,
    Yuma3Enabled = 19,
    LiquidAlphaEnabled = 20,
    AlphaLow = 21,
    AlphaHigh = 22,
    AlphaSigmoidSteepness = 23,
    LiquidAlphaConsensusMode = 24,
    StakePenaltyRate = 25,
    PenaltyVtrustThreshold = 26,
    PenaltyEpochs = 27,
    ServingRateLimit = 28,
#pragma warning restore CS1591
}
