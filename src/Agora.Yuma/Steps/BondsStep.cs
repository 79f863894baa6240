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
    /// Each entry is <c>I32F32(b) / I32F32(column_sum)</c> = floor(b · 2^32 / column_sum), computed exactly in 64-bit
    /// integers with one reciprocal per column.
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
                columnSums[columns[k]] += values[k];
            }
        }

        // Column sums of u16 over at most NeuronCountMax rows stay below 2^31; a recent column gets no reciprocal.
        var reciprocals = new ulong[n];
        for (var j = 0; j < n; j++)
        {
            reciprocals[j] = recentlyRegistered[j] || columnSums[j] == 0 ? 0 : I32F32Divisor.Reciprocal(columnSums[j]);
        }

        var rowStart = FixedCsr.Rent<int>(n + 1);
        var resultColumns = FixedCsr.Rent<int>(bonds.NonZeroCount);
        var resultValues = FixedCsr.Rent<I32F32>(bonds.NonZeroCount);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                var j = columns[k];
                var reciprocal = reciprocals[j];
                if (reciprocal == 0)
                {
                    continue;
                }

                resultColumns[count] = j;
                resultValues[count] = new I32F32((long)I32F32Divisor.DivideUnsigned((ulong)values[k] << I32F32.FractionalBits, columnSums[j], reciprocal));
                count++;
            }
        }

        rowStart[n] = count;
        return new FixedCsr(n, rowStart, resultColumns, resultValues, count, pooledPattern: true, pooledValues: true);
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

        var result = weights.WithRentedValues();
        for (var k = 0; k < result.NonZeroCount; k++)
        {
            var w = weights.Values[k];
            result.Values[k] = w + (penalty * (clippedWeights.Values[k] - w));
        }

        return result;
    }

    /// <summary>
    /// <c>ΔB[i][j] = Wb[i][j] · S[i]</c>, column-normalised. It keeps the pattern of <paramref name="weightsForBonds"/>
    /// (rows with no active stake hold zeros), so nothing is copied but the values.
    /// </summary>
    public static FixedCsr Delta(FixedCsr weightsForBonds, ReadOnlySpan<I32F32> activeStake)
    {
        var n = weightsForBonds.Size;
        var delta = weightsForBonds.WithRentedValues();
        var values = delta.Values;
        var columnSums = new I32F32[n];
        var rowStart = weightsForBonds.RowStart;
        var columns = weightsForBonds.Columns;
        var weights = weightsForBonds.Values;
        for (var i = 0; i < n; i++)
        {
            var stake = activeStake[i];
            if (stake.IsZero)
            {
                values.AsSpan(rowStart[i], rowStart[i + 1] - rowStart[i]).Clear();
                continue;
            }

            for (var k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                var value = stake * weights[k];
                values[k] = value;
                columnSums[columns[k]] += value;
            }
        }

        VectorMath.ColumnNormalizeInPlace(delta, columnSums);
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
        var rowStart = FixedCsr.Rent<int>(n + 1);
        var columns = FixedCsr.Rent<int>(capacity);
        var values = FixedCsr.Rent<I32F32>(capacity);
        var columnSums = new I32F32[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            count = MergeRow(
                delta.RowColumns(i), delta.RowValues(i), alpha, oldBonds.RowColumns(i), oldBonds.RowValues(i), oneMinusAlpha,
                columns, values, columnSums, count);
        }

        rowStart[n] = count;
        var average = new FixedCsr(n, rowStart, columns, values, count, pooledPattern: true, pooledValues: true);
        VectorMath.ColumnNormalizeInPlace(average, columnSums);
        return average;
    }

    private static int MergeRow(
        ReadOnlySpan<int> newColumns,
        ReadOnlySpan<I32F32> newValues,
        I32F32 alpha,
        ReadOnlySpan<int> oldColumns,
        ReadOnlySpan<I32F32> oldValues,
        I32F32 oneMinusAlpha,
        int[] columns,
        I32F32[] values,
        I32F32[] columnSums,
        int count)
    {
        int a = 0, b = 0;
        while (a < newColumns.Length || b < oldColumns.Length)
        {
            int j;
            I32F32 value;
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
                columnSums[j] += value;
                count++;
            }
        }

        return count;
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
        var averageColumns = movingAverage.Columns.AsSpan(0, movingAverage.NonZeroCount);
        var averageValues = movingAverage.Values.AsSpan(0, movingAverage.NonZeroCount);
        for (var k = 0; k < averageColumns.Length; k++)
        {
            var j = averageColumns[k];
            columnMax[j] = I32F32.Max(columnMax[j], averageValues[k]);
        }

        var divisors = new I32F32Divisor[n];
        for (var j = 0; j < n; j++)
        {
            divisors[j] = new I32F32Divisor(columnMax[j]);
        }

        var capacity = 0;
        for (var i = 0; i < n; i++)
        {
            capacity += newPermits[i] ? movingAverage.RowColumns(i).Length
                : neurons[i].ValidatorPermit ? 0 : inputBonds.RowColumns(i).Length;
        }

        var rowStart = new int[n + 1];
        var columns = new int[capacity];
        var values = new ushort[capacity];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            if (newPermits[i])
            {
                var rowColumns = movingAverage.RowColumns(i);
                var rowValues = movingAverage.RowValues(i);
                for (var k = 0; k < rowColumns.Length; k++)
                {
                    ref readonly var divisor = ref divisors[rowColumns[k]];
                    var upscaled = divisor.Divisor.IsZero ? rowValues[k] : divisor.Divide(rowValues[k]);
                    var stored = ToU16(upscaled);
                    if (stored != 0)
                    {
                        columns[count] = rowColumns[k];
                        values[count] = stored;
                        count++;
                    }
                }
            }
            else if (!neurons[i].ValidatorPermit)
            {
                var rowColumns = inputBonds.RowColumns(i);
                rowColumns.CopyTo(columns.AsSpan(count));
                inputBonds.RowValues(i).CopyTo(values.AsSpan(count));
                count += rowColumns.Length;
            }
        }

        rowStart[n] = count;
        return count == capacity
            ? SparseU16Matrix.FromParts(n, rowStart, columns, values)
            : SparseU16Matrix.FromParts(n, rowStart, columns[..count], values[..count]);
    }

    /// <summary>
    /// <c>(upscaled × I32F32(65535)).ToUInt16Saturating()</c>; for upscaled in [0, 1] (every normalised bond) the
    /// product is exactly <c>upscaled.Bits × 65535</c> raw bits, so it is computed without the general multiply.
    /// </summary>
    private static ushort ToU16(I32F32 upscaled)
    {
        var bits = upscaled.Bits;
        if (bits < 0 || bits > I32F32.One.Bits)
        {
            return (upscaled * I32F32.FromInt((long)ushort.MaxValue)).ToUInt16Saturating();
        }

        return (ushort)((bits * ushort.MaxValue) >> I32F32.FractionalBits);
    }
}
