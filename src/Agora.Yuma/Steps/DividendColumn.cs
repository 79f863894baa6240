using System.Runtime.CompilerServices;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// What <see cref="DividendsPass"/> reads per column, side by side so a cell touches one place: the column sum of
/// B' (its normaliser), its largest entry normalised (the max-upscaling divisor) and the miner's incentive.
/// </summary>
internal readonly record struct DividendColumn(I32F32 Sum, I32F32 Max, I32F32 Incentive)
{
    /// <summary>
    /// Per column, from the moving average's column sums and maxima. Division by a positive column sum is monotone,
    /// so a column's largest normalised entry is its largest raw entry normalised. Rented: the caller gives the array
    /// back.
    /// </summary>
    public static DividendColumn[] Of(MovingAverageRows movingAverage, ReadOnlySpan<I32F32> incentive)
    {
        var columns = YumaArrayPool.Rent<DividendColumn>(incentive.Length);
        for (var j = 0; j < incentive.Length; j++)
        {
            var sum = movingAverage.ColumnSums[j];
            columns[j] = new DividendColumn(sum, movingAverage.ColumnMax[j] / sum, incentive[j]);
        }

        return columns;
    }

    /// <summary>A cell of the column's B' over the column sum (a cell is one of the terms of that sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 Normalise(I32F32 cell) => UnitInterval.Divide(cell, Sum);
}
