using System.Collections.Immutable;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Steps 8 and 10 under the Yuma 3 bond model, row by row: clipped weights give the validator trust and the weights
/// for bonds, which the moving average merges with the old bonds (<see cref="Yuma3BondsStep"/>). The result is the
/// new bonds before any normalisation (they are stored so) with each column's sum.
/// </summary>
internal static class Yuma3MovingAveragePass
{
    /// <param name="weights"><c>W</c>, row-normalised.</param>
    /// <param name="consensus"><c>C</c>.</param>
    /// <param name="parameters">β, α and liquid alpha come from here.</param>
    /// <param name="oldBonds">The input u16 bonds.</param>
    /// <param name="recentlyRegistered">Whose column of old bonds is dropped.</param>
    /// <param name="previousConsensus">The previous epoch's stored consensus, for liquid alpha's previous mode.</param>
    public static Yuma3BondRows Run(
        FixedCsr weights,
        I32F32[] consensus,
        YumaParameters parameters,
        SparseU16Matrix oldBonds,
        ReadOnlySpan<bool> recentlyRegistered,
        ImmutableArray<ushort> previousConsensus)
    {
        var n = weights.Size;
        var penalty = BondsStep.Penalty(parameters.BondsPenalty);
        var fixedAlpha = new BondCell(penalty, BondsStep.Alpha(parameters.BondsMovingAverage));
        var measuredConsensus = LiquidAlphaStep.MeasuredConsensus(parameters, consensus, previousConsensus);
        var liquidAlpha = LiquidAlphaStep.For(parameters, measuredConsensus);
        var output = new BondRows(n, weights.NonZeroCount + oldBonds.NonZeroCount);
        var validatorTrust = new I32F32[n];
        var columnSums = new I32F32[n];
        var (oldStart, oldColumns, oldValues) = oldBonds.Parts;
        for (var i = 0; i < n; i++)
        {
            output.RowStart[i] = output.Count;
            var (a, aEnd) = (weights.RowStart[i], weights.RowStart[i + 1]);
            var (b, bEnd) = (oldStart[i], oldStart[i + 1]);
            long trust = 0;

            // Merge the row's weights and old bonds (both in ascending column order); a side without the column is zero.
            while (a < aEnd || b < bEnd)
            {
                var newColumn = a < aEnd ? weights.Columns[a] : int.MaxValue;
                var oldColumn = b < bEnd ? oldColumns[b] : int.MaxValue;
                var j = int.Min(newColumn, oldColumn);
                var weight = newColumn == j ? weights.Values[a++] : I32F32.Zero;
                var old = oldColumn == j ? Yuma3BondsStep.OldBond(oldValues[b++], recentlyRegistered[j]) : I32F32.Zero;
                var clipped = ClipStep.Clip(weight, consensus[j]);
                trust += clipped.Bits;
                var weightForBonds = BondsStep.WeightForBonds(weight, clipped, penalty);
                var bond = Yuma3BondsStep.MovingAverage(weightForBonds, old, measuredConsensus[j], fixedAlpha, liquidAlpha);
                if (bond > I32F32.Zero)
                {
                    output.Columns[output.Count] = j;
                    output.Values[output.Count++] = bond;
                    columnSums[j] += bond;
                }
            }

            // Row-normalised weights sum to at most 1, so their clipped values add up without saturating.
            validatorTrust[i] = new I32F32(trust);
        }

        output.RowStart[n] = output.Count;
        return new Yuma3BondRows(validatorTrust, output.ToMatrix(n), columnSums);
    }
}

/// <summary>
/// What <see cref="Yuma3MovingAveragePass"/> produces: validator trust <c>VT</c>, the new bonds as proportions (only
/// positive cells), and their column sums.
/// </summary>
internal sealed record Yuma3BondRows(I32F32[] ValidatorTrust, FixedCsr Bonds, I32F32[] ColumnSums);
