using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 5: the weights matrix <c>W</c> the epoch works with.</summary>
internal static class WeightsStep
{
    /// <summary>
    /// Keeps rows of neurons that held a permit, drops the diagonal and outdated cells, then row-normalises the u16
    /// values. As fixed point each entry is <c>I32F32(w) / I32F32(row_sum)</c> = floor(w · 2^32 / row_sum), computed
    /// exactly by the row sum's <see cref="U16Divisor"/> (row_sum &lt; 2^31 by <see cref="YumaLimits.NeuronCountMax"/>).
    /// </summary>
    public static FixedCsr Prepare(SparseU16Matrix weights, ReadOnlySpan<NeuronState> neurons)
    {
        var n = weights.Size;
        var rowStart = YumaArrayPool.Rent<int>(n + 1);
        var columns = YumaArrayPool.Rent<int>(weights.NonZeroCount);
        var values = YumaArrayPool.Rent<I32F32>(weights.NonZeroCount);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            rowStart[i] = count;
            if (!neurons[i].ValidatorPermit)
            {
                continue;
            }

            var lastUpdate = neurons[i].LastUpdate;
            var rowColumns = weights.RowColumns(i);
            var rowValues = weights.RowValues(i);
            var first = count;
            ulong sum = 0;
            for (var k = 0; k < rowColumns.Length; k++)
            {
                var j = rowColumns[k];
                if (j == i || ActivityStep.IsOutdated(lastUpdate, neurons[j].BlockAtRegistration))
                {
                    continue;
                }

                columns[count] = j;
                values[count] = new I32F32(rowValues[k]);
                sum += rowValues[k];
                count++;
            }

            if (count == first)
            {
                continue;
            }

            var rowSum = new U16Divisor(sum);
            var rowResult = values.AsSpan(first, count - first);
            for (var k = 0; k < rowResult.Length; k++)
            {
                rowResult[k] = rowSum.Divide((ushort)rowResult[k].Bits);
            }
        }

        rowStart[n] = count;
        return new FixedCsr(n, rowStart, columns, values, count, pooledPattern: true, pooledValues: true);
    }
}
