using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Agora.Yuma.Steps;

namespace Agora.Yuma;

/// <summary>
/// Yuma Consensus: one epoch of a subnet as a pure function (spec/yuma.md). Deterministic fixed-point arithmetic
/// with the reference chain's I32F32 semantics; weights and bonds are processed as sparse rows, so the cost grows
/// with the number of stored entries rather than with n².
/// </summary>
public static class YumaEpoch
{
    /// <summary>Runs one epoch.</summary>
    /// <exception cref="ArgumentException">The input fails <see cref="EpochInput.Validate"/>.</exception>
    public static EpochOutput Run(EpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid epoch input: {string.Join("; ", errors)}", nameof(input));
        }

        var parameters = input.Parameters;
        var neurons = input.Neurons.AsSpan();

        // 1. Activity.
        var inactive = ActivityStep.Inactive(neurons, parameters.ActivityCutoff, input.CurrentBlock);
        var recent = ActivityStep.RecentlyRegistered(neurons, input.LastEpochBlock, input.CurrentBlock, parameters.Tempo);

        // 2-4. Stake, new permits, active stake.
        var stake = StakeStep.Normalize(neurons);
        var newPermits = ValidatorPermitStep.TopK(stake, parameters.MaxAllowedValidators);
        var activeStake = StakeStep.Active(stake, inactive, neurons);

        // 5-9. Weights, preranks, consensus, clipping, validator trust, ranks, trust, incentive.
        var weights = WeightsStep.Prepare(input.Weights, neurons);
        var preranks = RankStep.Ranks(weights, activeStake);
        var consensus = ConsensusStep.WeightedMedianColumns(activeStake, weights, ConsensusStep.Kappa(parameters.Kappa));
        var clipped = ClipStep.Clip(weights, consensus);
        var validatorTrust = ClipStep.ValidatorTrust(clipped);
        var ranks = RankStep.Ranks(clipped, activeStake);
        var trust = RankStep.Trust(ranks, preranks);
        var incentive = RankStep.Incentive(ranks);

        // 10-11. Bonds and dividends.
        var oldBonds = BondsStep.PrepareOld(input.Bonds, recent);
        var weightsForBonds = BondsStep.WeightsForBonds(weights, clipped, BondsStep.Penalty(parameters.BondsPenalty));
        var delta = BondsStep.Delta(weightsForBonds, activeStake);
        var movingAverage = BondsStep.MovingAverage(delta, oldBonds, BondsStep.Alpha(parameters.BondsMovingAverage));
        var dividends = DividendsStep.Compute(movingAverage, incentive);
        var storedBonds = BondsStep.ToStorage(movingAverage, newPermits, neurons, input.Bonds);

        // The working matrices go back to the pool (weights for bonds may be W or Wc themselves).
        if (!ReferenceEquals(weightsForBonds, weights) && !ReferenceEquals(weightsForBonds, clipped))
        {
            weightsForBonds.ReturnToPool();
        }

        weights.ReturnToPool();
        clipped.ReturnToPool();
        oldBonds.ReturnToPool();
        delta.ReturnToPool();
        movingAverage.ReturnToPool();

        // 12-13. Emission and pruning scores.
        var emission = EmissionStep.Split(incentive, dividends, activeStake, stake, input.Emission);

        return new EpochOutput
        {
            Rank = Immutable(incentive),
            Trust = Immutable(trust),
            Consensus = Immutable(consensus),
            Incentive = Immutable(incentive),
            Dividends = Immutable(dividends),
            ValidatorTrust = Immutable(validatorTrust),
            Emission = Immutable(emission.Total),
            MinerEmission = Immutable(emission.Miner),
            ValidatorEmission = Immutable(emission.Validator),
            Dust = emission.Dust,
            ValidatorPermit = Immutable(newPermits),
            Bonds = storedBonds,
            PruningScore = Immutable(EmissionStep.PruningScores(emission.Total)),
        };
    }

    private static ImmutableArray<T> Immutable<T>(T[] array) =>
        ImmutableCollectionsMarshal.AsImmutableArray(array);
}
