using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// What one row-by-row read of the weights gives per column (miner), counting only the positive weights of rows with
/// active stake (the only rows any per-column quantity weighs): how many there are, the prerank
/// <c>P[j] = Σ_i W[i][j] · S[i]</c> (step 6), and for consensus (step 7) the re-normalised stake of those rows and the
/// range of their weights. Often this alone decides the consensus (<see cref="ConsensusStep.FromSummary"/>), so the
/// column's entries need not be gathered.
/// </summary>
internal struct ColumnSummary
{
    public int Count;
    public I32F32 Prerank;
    public I32F32 Stake;
    public I32F32 MinWeight;
    public I32F32 MaxWeight;

    /// <summary>
    /// Summarises every column of <paramref name="weights"/>. Weights and stakes lie in [0, 1] and a column has fewer
    /// than 2^15 entries, so the sums stay below 2^47 raw bits and never saturate: plain additions give the same bits
    /// in any order. Rented: the caller gives the array back.
    /// </summary>
    public static ColumnSummary[] Of(FixedCsr weights, ReadOnlySpan<I32F32> activeStake, ReadOnlySpan<I32F32> useStake)
    {
        var n = weights.Size;
        var summaries = YumaArrayPool.Rent<ColumnSummary>(n);
        summaries.AsSpan(0, n).Fill(new ColumnSummary { MinWeight = I32F32.MaxValue });
        var (rowStart, columns, values) = (weights.RowStart, weights.Columns, weights.Values);
        for (var i = 0; i < n; i++)
        {
            var stake = activeStake[i];
            if (stake.Bits <= 0)
            {
                continue;
            }

            var rowUseStake = useStake[i];
            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                var weight = values[k];
                if (weight.Bits > 0)
                {
                    summaries[columns[k]].Add(weight, stake, rowUseStake);
                }
            }
        }

        return summaries;
    }

    private void Add(I32F32 weight, I32F32 stake, I32F32 useStake)
    {
        Count++;
        Prerank = new I32F32(Prerank.Bits + UnitInterval.Multiply(stake, weight).Bits);
        Stake = new I32F32(Stake.Bits + useStake.Bits);
        MinWeight = I32F32.Min(MinWeight, weight);
        MaxWeight = I32F32.Max(MaxWeight, weight);
    }
}
