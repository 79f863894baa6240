using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 6 to 10 for every column (miner) in one pass over <see cref="WeightColumns"/>: prerank, consensus, rank and
/// the column total of the bonds delta. Each column's entries are read while they are in cache, by the steps' own
/// per-column functions.
/// </summary>
internal static class ColumnPass
{
    public static ColumnTotals Run(WeightColumns columns, ReadOnlySpan<I32F32> activeStake, I32F32 kappa, I32F32 penalty)
    {
        var n = columns.Size;
        var preranks = new I32F32[n];
        var consensus = new I32F32[n];
        var ranks = new I32F32[n];
        var deltaSums = new I32F32[n];
        var stakes = ConsensusStep.Stakes(activeStake, kappa);
        var scratch = new ConsensusScratch(stakes.CandidateCount);
        for (var j = 0; j < n; j++)
        {
            var entries = columns.Column(j);
            if (entries.IsEmpty)
            {
                continue;
            }

            var summary = ColumnSummary.Of(entries, activeStake, stakes.UseStake);
            preranks[j] = summary.Prerank;
            consensus[j] = ConsensusStep.Column(entries, summary, stakes, scratch);

            // With consensus 0 every clipped weight is 0.
            ranks[j] = consensus[j].IsZero ? I32F32.Zero : RankStep.Rank(entries, activeStake, consensus[j]);
            deltaSums[j] = penalty == I32F32.One ? ranks[j]
                : penalty.IsZero ? preranks[j]
                : BondsStep.DeltaColumnSum(entries, activeStake, consensus[j], penalty);
        }

        return new ColumnTotals(preranks, consensus, ranks, deltaSums);
    }
}

/// <summary>Per column: preranks <c>P</c>, consensus <c>C</c>, ranks <c>R</c> (not normalised) and <c>Σ_i ΔB[i][j]</c>.</summary>
internal sealed record ColumnTotals(I32F32[] Preranks, I32F32[] Consensus, I32F32[] Ranks, I32F32[] DeltaColumnSums);

/// <summary>
/// What one read of a column gives: its prerank <c>P[j] = Σ_i W[i][j] · S[i]</c> (step 6), and for consensus (step 7)
/// the re-normalised stake of its rows and the range of its weights.
/// </summary>
internal readonly record struct ColumnSummary(I32F32 Prerank, I32F32 Stake, I32F32 MinWeight, I32F32 MaxWeight)
{
    /// <summary>
    /// Summarises a column of <see cref="WeightColumns"/>. Weights and stakes are in [0, 1] and a column has fewer
    /// than 2^15 entries, so both sums stay below 2^47 raw bits and never saturate: plain additions give the same bits.
    /// </summary>
    public static ColumnSummary Of(ReadOnlySpan<long> entries, ReadOnlySpan<I32F32> activeStake, ReadOnlySpan<I32F32> useStake)
    {
        long prerank = 0, stake = 0;
        I32F32 min = I32F32.MaxValue, max = I32F32.Zero;
        foreach (var entry in entries)
        {
            var row = WeightColumns.Row(entry);
            var weight = WeightColumns.Weight(entry);
            prerank += UnitInterval.Multiply(activeStake[row], weight).Bits;
            stake += useStake[row].Bits;
            min = I32F32.Min(min, weight);
            max = I32F32.Max(max, weight);
        }

        return new ColumnSummary(new I32F32(prerank), new I32F32(stake), min, max);
    }
}
