using System.Runtime.CompilerServices;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>The cell arithmetic of <see cref="MovingAveragePass"/> with β and α fixed: step 10's functions composed.</summary>
internal readonly record struct BondCell(I32F32 Penalty, I32F32 Alpha)
{
    private readonly I32F32 _oneMinusAlpha = I32F32.One - Alpha;

    /// <summary>ΔB of one cell, <c>Wb · S</c> over its column's sum (a zero sum leaves it as it is); adds Wc to trust.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 Delta(I32F32 weight, I32F32 stake, in BondColumn column, ref long trust)
    {
        var clipped = ClipStep.Clip(weight, column.Consensus);
        trust += clipped.Bits;
        var raw = UnitInterval.Multiply(stake, BondsStep.WeightForBonds(weight, clipped, Penalty));

        // The column sum adds up this very term, so raw ≤ sum: zero when the sum is.
        return raw.IsZero ? raw : UnitInterval.Divide(raw, column.DeltaSum);
    }

    /// <summary>The moving average of one cell before normalising.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public I32F32 Average(I32F32 delta, I32F32 old) => BondsStep.MovingAverage(delta, Alpha, old, _oneMinusAlpha);
}
