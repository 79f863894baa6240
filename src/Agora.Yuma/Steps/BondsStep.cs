using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 10: bonds — old bonds, weights for bonds, delta, moving average and the stored u16 form.</summary>
internal static class BondsStep
{
    /// <summary>β as fixed point: <c>I32F32(bonds_penalty) / I32F32(65535)</c>.</summary>
    public static I32F32 Penalty(ushort bondsPenalty) => I32F32.FromInt((long)bondsPenalty) / I32F32.FromInt((long)ushort.MaxValue);

    /// <summary>
    /// α = 1 − bonds_moving_average / 10^6, the quotient taken in 64.64 then truncated to 32 fractional bits
    /// (= floor(bma · 2^32 / 10^6)).
    /// </summary>
    public static I32F32 Alpha(ulong bondsMovingAverage) => I32F32.One - I32F32.FromRatio(bondsMovingAverage, 1_000_000);

    /// <summary>
    /// Old bonds <c>B</c>: the u16 values with the columns of recently registered neurons removed, column-normalised.
    /// Each entry is <c>I32F32(b) / I32F32(column_sum)</c> = floor(b · 2^32 / column_sum), computed in 64-bit integers.
    /// </summary>
    public static FixedCsr PrepareOld(SparseU16Matrix bonds, ReadOnlySpan<bool> recentlyRegistered)
    {
        var n = bonds.Size;
        var columnSums = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                if (!recentlyRegistered[columns[k]])
                {
                    columnSums[columns[k]] += values[k];
                }
            }
        }

        var rowStart = new int[n + 1];
        var resultColumns = new int[bonds.NonZeroCount];
        var resultValues = new I32F32[bonds.NonZeroCount];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                if (recentlyRegistered[j])
                {
                    continue;
                }

                resultColumns[count] = j;
                resultValues[count] = new I32F32((long)(((ulong)values[k] << I32F32.FractionalBits) / columnSums[j]));
                count++;
            }
        }

        rowStart[n] = count;
        return new FixedCsr(n, rowStart, resultColumns[..count], resultValues[..count]);
    }

    /// <summary>
    /// Weights for bonds <c>Wb = W + β · (Wc − W)</c> (β = 0 gives <c>W</c>, β = 1 gives <c>Wc</c>); same pattern as W.
    /// </summary>
    public static FixedCsr WeightsForBonds(FixedCsr weights, FixedCsr clippedWeights, I32F32 penalty)
    {
        if (penalty.IsZero)
        {
            return weights;
        }

        if (penalty == I32F32.One)
        {
            return clippedWeights;
        }

        var result = new I32F32[weights.NonZeroCount];
        for (var k = 0; k < result.Length; k++)
        {
            var w = weights.Values[k];
            result[k] = w + (penalty * (clippedWeights.Values[k] - w));
        }

        return weights.WithValues(result);
    }

    /// <summary><c>ΔB[i][j] = Wb[i][j] · S[i]</c>, column-normalised; rows with no active stake are empty.</summary>
    public static FixedCsr Delta(FixedCsr weightsForBonds, ReadOnlySpan<I32F32> activeStake)
    {
        var n = weightsForBonds.Size;
        var rowStart = new int[n + 1];
        var columns = new int[weightsForBonds.NonZeroCount];
        var values = new I32F32[weightsForBonds.NonZeroCount];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var stake = activeStake[i];
            if (stake.IsZero)
            {
                continue;
            }

            var rowColumns = weightsForBonds.RowColumns(i);
            var rowValues = weightsForBonds.RowValues(i);
            for (var k = 0; k < rowColumns.Length; k++)
            {
                columns[count] = rowColumns[k];
                values[count] = stake * rowValues[k];
                count++;
            }
        }

        rowStart[n] = count;
        var delta = new FixedCsr(n, rowStart, columns[..count], values[..count]);
        VectorMath.ColumnNormalizeInPlace(delta);
        return delta;
    }

    /// <summary>
    /// <c>B' = α · ΔB + (1 − α) · B</c> cell by cell (over the union of both patterns, keeping positive cells),
    /// column-normalised.
    /// </summary>
    public static FixedCsr MovingAverage(FixedCsr delta, FixedCsr oldBonds, I32F32 alpha)
    {
        var n = delta.Size;
        var oneMinusAlpha = I32F32.One - alpha;
        var capacity = delta.NonZeroCount + oldBonds.NonZeroCount;
        var rowStart = new int[n + 1];
        var columns = new int[capacity];
        var values = new I32F32[capacity];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var newColumns = delta.RowColumns(i);
            var newValues = delta.RowValues(i);
            var oldColumns = oldBonds.RowColumns(i);
            var oldValues = oldBonds.RowValues(i);
            int a = 0, b = 0;
            while (a < newColumns.Length || b < oldColumns.Length)
            {
                int j;
                var value = I32F32.Zero;
                if (b >= oldColumns.Length || (a < newColumns.Length && newColumns[a] < oldColumns[b]))
                {
                    j = newColumns[a];
                    value = alpha * newValues[a++];
                }
                else if (a >= newColumns.Length || oldColumns[b] < newColumns[a])
                {
                    j = oldColumns[b];
                    value = oneMinusAlpha * oldValues[b++];
                }
                else
                {
                    j = newColumns[a];
                    value = (alpha * newValues[a++]) + (oneMinusAlpha * oldValues[b++]);
                }

                if (value > I32F32.Zero)
                {
                    columns[count] = j;
                    values[count] = value;
                    count++;
                }
            }
        }

        rowStart[n] = count;
        var average = new FixedCsr(n, rowStart, columns[..count], values[..count]);
        VectorMath.ColumnNormalizeInPlace(average);
        return average;
    }

    /// <summary>
    /// The stored u16 bonds: each column of <paramref name="movingAverage"/> max-upscaled (<c>b / max</c>, then
    /// <c>× 65535</c> truncated); per row, a neuron with a new permit stores its upscaled row, one that held a permit and
    /// lost it stores an empty row, any other keeps its input row.
    /// </summary>
    public static SparseU16Matrix ToStorage(
        FixedCsr movingAverage,
        ReadOnlySpan<bool> newPermits,
        ReadOnlySpan<NeuronState> neurons,
        SparseU16Matrix inputBonds)
    {
        var n = movingAverage.Size;
        var columnMax = new I32F32[n];
        for (var k = 0; k < movingAverage.NonZeroCount; k++)
        {
            var j = movingAverage.Columns[k];
            columnMax[j] = I32F32.Max(columnMax[j], movingAverage.Values[k]);
        }

        var u16Max = I32F32.FromInt((long)ushort.MaxValue);
        var builder = new SparseU16Matrix.Builder(n);
        for (var i = 0; i < n; i++)
        {
            if (newPermits[i])
            {
                var columns = movingAverage.RowColumns(i);
                var values = movingAverage.RowValues(i);
                for (var k = 0; k < columns.Length; k++)
                {
                    var max = columnMax[columns[k]];
                    var upscaled = max.IsZero ? values[k] : values[k] / max;
                    builder.Add(columns[k], (upscaled * u16Max).ToUInt16Saturating());
                }
            }
            else if (!neurons[i].ValidatorPermit)
            {
                var columns = inputBonds.RowColumns(i);
                var values = inputBonds.RowValues(i);
                for (var k = 0; k < columns.Length; k++)
                {
                    builder.Add(columns[k], values[k]);
                }
            }

            builder.EndRow();
        }

        return builder.Build();
    }
}
