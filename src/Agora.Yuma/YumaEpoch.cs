using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Agora.Core.FixedPoint;
using Agora.Yuma.Steps;

namespace Agora.Yuma;

/// <summary>
/// Yuma Consensus: one epoch of a subnet as a pure function (spec/yuma.md). Deterministic fixed-point arithmetic
/// with the reference chain's I32F32 semantics; weights and bonds stay sparse, so the cost grows with the number of
/// stored entries rather than with n². Each step's arithmetic is a named function under <c>Steps/</c> (on one cell,
/// row or column); passes compose them so that every entry is read only a few times: <see cref="ColumnPass"/> over
/// the weights' columns (steps 6–10 per miner), then for the bonds either the classic model's
/// <see cref="MovingAveragePass"/> and <see cref="DividendsPass"/> or, with <see cref="YumaParameters.Yuma3Enabled"/>,
/// <see cref="Yuma3MovingAveragePass"/> and <see cref="Yuma3DividendsPass"/> (with liquid alpha's per-bond α,
/// <see cref="LiquidAlphaStep"/>).
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

        // 5. Weights, row by row.
        var weights = WeightsStep.Prepare(input.Weights, neurons);

        // 6-10, per column: preranks, consensus, ranks and (classic bonds) the bonds delta's column sums.
        var consensusStakes = ConsensusStep.Stakes(activeStake, ConsensusStep.Kappa(parameters.Kappa));
        var classicPenalty = parameters.Yuma3Enabled ? (I32F32?)null : BondsStep.Penalty(parameters.BondsPenalty);
        var totals = ColumnPass.Run(weights, activeStake, consensusStakes, classicPenalty);
        var consensus = totals.Consensus;
        var trust = RankStep.Trust(totals.Ranks, totals.Preranks);
        var incentive = RankStep.Incentive(totals.Ranks);

        // 8, 10, 11, row by row: validator trust, moving-average bonds, dividends and the stored bonds.
        var (validatorTrust, dividends, storedBonds) = parameters.Yuma3Enabled
            ? Yuma3Bonds(input, weights, consensus, incentive, activeStake, newPermits, recent)
            : ClassicBonds(input, weights, totals, incentive, activeStake, newPermits, recent);
        weights.ReturnToPool();

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

    /// <summary>Steps 8, 10 and 11 with the classic bond model of spec/yuma.md.</summary>
    private static (I32F32[] ValidatorTrust, I32F32[] Dividends, SparseU16Matrix StoredBonds) ClassicBonds(
        EpochInput input, FixedCsr weights, ColumnTotals totals, I32F32[] incentive, I32F32[] activeStake, bool[] newPermits, bool[] recent)
    {
        var oldColumnSums = BondsStep.OldColumnSums(input.Bonds, recent);
        var movingAverage = MovingAveragePass.Run(weights, totals, activeStake, input.Parameters, input.Bonds, oldColumnSums);
        var (dividends, storedBonds) = DividendsPass.Run(movingAverage, incentive, newPermits, input.Neurons.AsSpan(), input.Bonds);
        movingAverage.Bonds.ReturnToPool();
        return (movingAverage.ValidatorTrust, dividends, storedBonds);
    }

    /// <summary>Steps 8, 10 and 11 with the Yuma 3 bond model (<see cref="YumaParameters.Yuma3Enabled"/>).</summary>
    private static (I32F32[] ValidatorTrust, I32F32[] Dividends, SparseU16Matrix StoredBonds) Yuma3Bonds(
        EpochInput input, FixedCsr weights, I32F32[] consensus, I32F32[] incentive, I32F32[] activeStake, bool[] newPermits, bool[] recent)
    {
        var newBonds = Yuma3MovingAveragePass.Run(weights, consensus, input.Parameters, input.Bonds, recent, input.PreviousConsensus);
        var (dividends, storedBonds) = Yuma3DividendsPass.Run(newBonds, incentive, activeStake, newPermits, input.Neurons.AsSpan(), input.Bonds);
        newBonds.Bonds.ReturnToPool();
        return (newBonds.ValidatorTrust, dividends, storedBonds);
    }

    private static ImmutableArray<T> Immutable<T>(T[] array) =>
        ImmutableCollectionsMarshal.AsImmutableArray(array);
}
