using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 6 to 10 for every column (miner): prerank, consensus, rank and (for the classic bond model) the column total
/// of the bonds delta. One
/// row-by-row read summarises every column (<see cref="ColumnSummary"/>); only the columns whose summary leaves
/// something open are gathered (<see cref="WeightColumns"/>) and read again, while in cache, by the steps' own
/// per-column functions.
/// </summary>
internal static class ColumnPass
{
    /// <param name="weights"><c>W</c>, row-normalised.</param>
    /// <param name="activeStake"><c>S</c>.</param>
    /// <param name="stakes">The stakes consensus weighs (<see cref="ConsensusStep.Stakes"/>).</param>
    /// <param name="penalty">
    /// β for the classic bonds delta's column sums, or null when the bond model does not take them (Yuma 3 weighs its
    /// bonds per cell): then no column is gathered for them and <see cref="ColumnTotals.DeltaColumnSums"/> is empty.
    /// </param>
    public static ColumnTotals Run(FixedCsr weights, ReadOnlySpan<I32F32> activeStake, ConsensusStakes stakes, I32F32? penalty)
    {
        var n = weights.Size;
        var summaries = ColumnSummary.Of(weights, activeStake, stakes.UseStake);
        var preranks = new I32F32[n];
        var consensus = new I32F32[n];
        var gathered = new bool[n];
        for (var j = 0; j < n; j++)
        {
            preranks[j] = summaries[j].Prerank;
            var decided = ConsensusStep.FromSummary(summaries[j], stakes);
            consensus[j] = decided ?? I32F32.Zero;
            gathered[j] = decided is null || NeedsEntriesForDelta(summaries[j], consensus[j], penalty);
        }

        var columns = WeightColumns.Transpose(weights, activeStake, summaries, gathered);
        var ranks = new I32F32[n];
        var deltaSums = penalty is null ? [] : new I32F32[n];
        var scratch = new ConsensusScratch(stakes.CandidateCount);
        for (var j = 0; j < n; j++)
        {
            var entries = columns.Column(j);
            if (!gathered[j])
            {
                // Consensus 0 clips every weight to 0; consensus at least every weight clips none, so the rank (and
                // the delta for any β) is the prerank.
                ranks[j] = consensus[j].IsZero ? I32F32.Zero : preranks[j];
                if (penalty is { } closedPenalty)
                {
                    deltaSums[j] = closedPenalty.IsZero ? preranks[j] : ranks[j];
                }

                continue;
            }

            consensus[j] = ConsensusStep.Column(entries, summaries[j], stakes, scratch);
            ranks[j] = consensus[j].IsZero ? I32F32.Zero
                : consensus[j] >= summaries[j].MaxWeight ? preranks[j]
                : RankStep.Rank(entries, activeStake, consensus[j]);
            if (penalty is { } openPenalty)
            {
                deltaSums[j] = openPenalty == I32F32.One ? ranks[j]
                    : openPenalty.IsZero ? preranks[j]
                    : BondsStep.DeltaColumnSum(entries, activeStake, consensus[j], openPenalty);
            }
        }

        columns.ReturnToPool();
        YumaArrayPool.Return(summaries);
        return new ColumnTotals(preranks, consensus, ranks, deltaSums);
    }

    /// <summary>
    /// Whether a column whose consensus its summary decides still needs its entries: only for the bonds delta with β
    /// strictly between 0 and 1 when consensus clips its weights (to 0), as each entry then rounds on its own.
    /// </summary>
    private static bool NeedsEntriesForDelta(in ColumnSummary summary, I32F32 consensus, I32F32? penalty) =>
        penalty is { } value && summary.Count > 0 && consensus < summary.MaxWeight && !value.IsZero && value != I32F32.One;
}

/// <summary>
/// Per column: preranks <c>P</c>, consensus <c>C</c>, ranks <c>R</c> (not normalised) and <c>Σ_i ΔB[i][j]</c> (empty
/// when the bond model does not take it).
/// </summary>
internal sealed record ColumnTotals(I32F32[] Preranks, I32F32[] Consensus, I32F32[] Ranks, I32F32[] DeltaColumnSums);
