using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// What <see cref="MovingAveragePass"/> reads and accumulates per column, side by side so a cell touches one place:
/// consensus, the bonds delta's column sum, the old bonds' u16 column sum as a divisor (in), and the sum and largest
/// entry of the column's B' (out).
/// </summary>
internal struct BondColumn
{
    public I32F32 Consensus;
    public I32F32 DeltaSum;
    public U16Divisor OldSum;
    public I32F32 Sum;
    public I32F32 Max;

    /// <summary>The columns' inputs, sums and maxima zero; rented, the caller gives the array back.</summary>
    public static BondColumn[] Of(ColumnTotals totals, ReadOnlySpan<ulong> oldColumnSums)
    {
        var columns = YumaArrayPool.Rent<BondColumn>(oldColumnSums.Length);
        for (var j = 0; j < oldColumnSums.Length; j++)
        {
            columns[j] = new BondColumn { Consensus = totals.Consensus[j], DeltaSum = totals.DeltaColumnSums[j], OldSum = new U16Divisor(oldColumnSums[j]) };
        }

        return columns;
    }
}
