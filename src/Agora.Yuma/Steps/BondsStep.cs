using System.Runtime.CompilerServices;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 10: bonds — old bonds, weights for bonds, delta, moving average and the stored u16 form.</summary>
internal static class BondsStep
{
    private static readonly U16Divisor _u16Max = new(ushort.MaxValue);

    /// <summary>β as fixed point: <c>I32F32(bonds_penalty) / I32F32(65535)</c>.</summary>
    public static I32F32 Penalty(ushort bondsPenalty) => I32F32.FromInt((long)bondsPenalty) / I32F32.FromInt((long)ushort.MaxValue);

    /// <summary>
    /// α = 1 − bonds_moving_average / 10^6, the quotient taken in 64.64 then truncated to 32 fractional bits
    /// (= floor(bma · 2^32 / 10^6)).
    /// </summary>
    public static I32F32 Alpha(ulong bondsMovingAverage) => I32F32.One - I32F32.FromRatio(bondsMovingAverage, 1_000_000);

    /// <summary>
    /// Weight for bonds <c>Wb = W + β · (Wc − W)</c> (β = 0 gives <c>W</c>, β = 1 gives <c>Wc</c>). For the usual
    /// <c>0 ≤ Wc ≤ W ≤ 1</c>, <c>0 ≤ β &lt; 1</c> the product of the negative difference rounds towards −∞, i.e.
    /// <c>W − ceil(β · (W − Wc))</c>, computed in 64 bits; other values take the general operators.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 WeightForBonds(I32F32 weight, I32F32 clipped, I32F32 penalty)
    {
        if (penalty == I32F32.One)
        {
            return clipped;
        }

        var excess = weight.Bits - clipped.Bits;
        if (excess < 0 || weight.Bits > I32F32.One.Bits || clipped.Bits < 0 || penalty.Bits < 0 || penalty.Bits >= I32F32.One.Bits)
        {
            return WeightForBondsGeneral(weight, clipped, penalty);
        }

        // β < 2^32 and excess ≤ 2^32 in bits: the product and the rounding term stay below 2^64.
        var product = ((ulong)penalty.Bits * (ulong)excess) + ((1UL << I32F32.FractionalBits) - 1);
        return new I32F32(weight.Bits - (long)(product >> I32F32.FractionalBits));
    }

    // Out of line: it runs only for inputs the epoch does not produce, and inlined it would crowd the row loops.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static I32F32 WeightForBondsGeneral(I32F32 weight, I32F32 clipped, I32F32 penalty) => weight + (penalty * (clipped - weight));

    /// <summary>
    /// <c>Σ_i ΔB[i][j]</c> before normalising, for one column: <c>Σ_i Wb[i][j] · S[i]</c>. (With β = 1 this is the
    /// column's rank, with β = 0 its prerank.) Each term is at most its row's stake, so the sum never saturates.
    /// </summary>
    public static I32F32 DeltaColumnSum(ReadOnlySpan<long> entries, ReadOnlySpan<I32F32> activeStake, I32F32 consensus, I32F32 penalty)
    {
        long sum = 0;
        foreach (var entry in entries)
        {
            var weight = WeightColumns.Weight(entry);
            sum += UnitInterval.Multiply(activeStake[WeightColumns.Row(entry)], WeightForBonds(weight, ClipStep.Clip(weight, consensus), penalty)).Bits;
        }

        return new I32F32(sum);
    }

    /// <summary>
    /// Column sums of the u16 old bonds, zero for the columns of recently registered neurons (whose old bonds are
    /// dropped). Column sums of u16 over at most <see cref="YumaLimits.NeuronCountMax"/> rows stay below 2^31.
    /// </summary>
    public static ulong[] OldColumnSums(SparseU16Matrix bonds, ReadOnlySpan<bool> recentlyRegistered)
    {
        var sums = new ulong[bonds.Size];
        for (var i = 0; i < bonds.Size; i++)
        {
            var columns = bonds.RowColumns(i);
            var values = bonds.RowValues(i);
            for (var k = 0; k < columns.Length; k++)
            {
                sums[columns[k]] += values[k];
            }
        }

        for (var j = 0; j < sums.Length; j++)
        {
            sums[j] = recentlyRegistered[j] ? 0 : sums[j];
        }

        return sums;
    }

    /// <summary>
    /// Old bond <c>B[i][j]</c>: the u16 value over its column's sum, <c>I32F32(b) / I32F32(column_sum)</c> =
    /// floor(b · 2^32 / column_sum), exact by the column sum's <see cref="U16Divisor"/>. Zero where the column sum is
    /// zero (dropped columns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 OldBond(ushort bond, in U16Divisor columnSum) => columnSum.Divide(bond);

    /// <summary>
    /// One cell of the moving average before normalising: <c>α · ΔB + (1 − α) · B</c> (a cell missing on one side is
    /// zero there). Every operand lies in [0, 1], so the sum is at most 2 and never saturates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static I32F32 MovingAverage(I32F32 delta, I32F32 alpha, I32F32 oldBond, I32F32 oneMinusAlpha) =>
        new(UnitInterval.Multiply(alpha, delta).Bits + UnitInterval.Multiply(oneMinusAlpha, oldBond).Bits);

    /// <summary>
    /// The stored u16 of one bond: <paramref name="bond"/> (column-normalised) over its column's largest entry, then
    /// <c>× 65535</c> truncated (max-upscaling); a column whose largest entry is zero is not scaled. The bond is one
    /// of its column's entries, so it is at most the maximum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Stored(I32F32 bond, I32F32 columnMax) => ProportionToU16(columnMax.IsZero ? bond : UnitInterval.Divide(bond, columnMax));

    /// <summary>
    /// A stored u16 proportion as I32F32, the reference's <c>u16_proportion_to_fixed</c>:
    /// <c>I32F32(value) / I32F32(65535)</c> = floor(value · 2^32 / 65535).
    /// </summary>
    public static I32F32 U16ToProportion(ushort value) => _u16Max.Divide(value);

    /// <summary>
    /// A proportion as a stored u16, the reference's <c>fixed_proportion_to_u16</c>:
    /// <c>(proportion × I32F32(65535)).ToUInt16Saturating()</c>. For a proportion in [0, 1] the product is exactly
    /// <c>proportion.Bits × 65535</c> raw bits, so it is computed without the general multiply.
    /// </summary>
    public static ushort ProportionToU16(I32F32 proportion)
    {
        var bits = proportion.Bits;
        if (bits < 0 || bits > I32F32.One.Bits)
        {
            return (proportion * I32F32.FromInt((long)ushort.MaxValue)).ToUInt16Saturating();
        }

        return (ushort)((bits * ushort.MaxValue) >> I32F32.FractionalBits);
    }
}
