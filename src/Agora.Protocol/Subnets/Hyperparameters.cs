using Agora.Core.Primitives;

namespace Agora.Protocol.Subnets;

/// <summary>The hyperparameter table of DESIGN §4a: every hyperparameter's bounds, owner rights and defaults.</summary>
public static class Hyperparameters
{
    private const ulong U16Max = ushort.MaxValue;

    /// <summary>Every hyperparameter, indexed by its id.</summary>
    public static IReadOnlyList<HyperparameterDefinition> Definitions { get; } =
    [
        new(HyperparameterId.Tempo, HyperparameterKind.Integer, 10, 7200, true, 360, 20),
        new(HyperparameterId.Kappa, HyperparameterKind.Integer, 0, U16Max, false, 32767, 32767),
        new(HyperparameterId.ImmunityPeriod, HyperparameterKind.Integer, 0, U16Max, true, 4096, 100),
        new(HyperparameterId.ActivityCutoff, HyperparameterKind.Integer, 100, U16Max, true, 5000, 5000),
        new(HyperparameterId.MaxAllowedUids, HyperparameterKind.Integer, 8, 4096, false, 256, 256),
        new(HyperparameterId.MaxAllowedValidators, HyperparameterKind.Integer, 1, 256, true, 64, 64),
        new(HyperparameterId.MinAllowedWeights, HyperparameterKind.Integer, 0, 256, true, 1, 1),
        new(HyperparameterId.MaxWeightLimit, HyperparameterKind.Integer, 1, U16Max, true, U16Max, U16Max),
        new(HyperparameterId.WeightsRateLimit, HyperparameterKind.Integer, 0, 7200, true, 100, 1),
        new(HyperparameterId.WeightsVersion, HyperparameterKind.Integer, 0, ulong.MaxValue, true, 0, 0),
        new(HyperparameterId.BondsMovingAverage, HyperparameterKind.Integer, 0, 1_000_000, true, 900_000, 900_000),
        new(HyperparameterId.BondsPenalty, HyperparameterKind.Integer, 0, U16Max, true, U16Max, U16Max),
        new(HyperparameterId.CommitRevealEnabled, HyperparameterKind.Bool, 0, 1, true, 1, 1),
        new(HyperparameterId.CommitRevealPeriod, HyperparameterKind.Integer, 1, 100, true, 1, 1),
        new(HyperparameterId.AdjustmentInterval, HyperparameterKind.Integer, 1, 7200, true, 100, 20),
        new(HyperparameterId.TargetRegistrationsPerInterval, HyperparameterKind.Integer, 1, 256, true, 2, 2),
        new(HyperparameterId.MaxRegistrationsPerBlock, HyperparameterKind.Integer, 1, 64, false, 1, 1),
        new(HyperparameterId.MinBurn, HyperparameterKind.Rao, 0, 21_000_000 * Rao.PerTao, false, 500_000, 500_000),
        new(HyperparameterId.MaxBurn, HyperparameterKind.Rao, 0, 21_000_000 * Rao.PerTao, false, 100 * Rao.PerTao, 100 * Rao.PerTao),
        new(HyperparameterId.Yuma3Enabled, HyperparameterKind.Bool, 0, 1, true, 0, 0),
        new(HyperparameterId.LiquidAlphaEnabled, HyperparameterKind.Bool, 0, 1, true, 0, 0),
        new(HyperparameterId.AlphaLow, HyperparameterKind.Integer, 0, U16Max, true, 45875, 45875),
        new(HyperparameterId.AlphaHigh, HyperparameterKind.Integer, 0, U16Max, true, 58982, 58982),
        new(HyperparameterId.AlphaSigmoidSteepness, HyperparameterKind.SignedInt16, short.MinValue, (ulong)short.MaxValue, true, 1000, 1000),
        new(HyperparameterId.LiquidAlphaConsensusMode, HyperparameterKind.ConsensusMode, 0, 2, true, 2, 2),
        new(HyperparameterId.StakePenaltyRate, HyperparameterKind.Integer, 0, U16Max, true, 0, 0),
        new(HyperparameterId.PenaltyVtrustThreshold, HyperparameterKind.Integer, 0, U16Max, true, 16384, 16384),
        new(HyperparameterId.PenaltyEpochs, HyperparameterKind.Integer, 1, 100, true, 3, 3),
        new(HyperparameterId.ServingRateLimit, HyperparameterKind.Integer, 0, 7200, true, 50, 1),
    ];

    /// <summary>The definition of <paramref name="id"/>; throws for an id this runtime does not know.</summary>
    public static HyperparameterDefinition Describe(HyperparameterId id) =>
        (int)id < Definitions.Count ? Definitions[(int)id] : throw new ArgumentOutOfRangeException(nameof(id), id, "unknown hyperparameter");

    /// <summary>True when this runtime knows <paramref name="id"/>.</summary>
    public static bool IsKnown(HyperparameterId id) => (int)id < Definitions.Count;

    /// <summary>The definition named <paramref name="name"/> (snake_case), or null.</summary>
    public static HyperparameterDefinition? Find(string name) => Definitions.FirstOrDefault(d => d.Name == name);
}
