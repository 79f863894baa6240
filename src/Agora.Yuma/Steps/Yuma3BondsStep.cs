using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Step 10 under the Yuma 3 bond model (the reference's <c>yuma3_enabled</c>): bonds are proportions of 1 held as u16
/// (<c>b / 65535</c>), move towards the validator's weights for bonds, and are stored as they are, not max-upscaled.
/// </summary>
internal static class Yuma3BondsStep
{
    /// <summary>
    /// Old bond <c>B[i][j]</c> as a proportion, <c>I32F32(b) / I32F32(65535)</c> = floor(b · 2^32 / 65535); zero in the
    /// column of a recently registered neuron.
    /// </summary>
    public static I32F32 OldBond(ushort bond, bool recentlyRegistered) => recentlyRegistered ? I32F32.Zero : BondsStep.U16ToProportion(bond);

    /// <summary>
    /// The moving average of one cell, <c>α · Wb + (1 − α) · B</c> with the epoch's fixed α (the reference's
    /// <c>mat_ema</c>), or with the bond's own α under liquid alpha. Both operands lie in [0, 1], so the fixed-α sum
    /// is at most 1.
    /// </summary>
    public static I32F32 MovingAverage(I32F32 weightForBonds, I32F32 oldBond, I32F32 consensus, in BondCell fixedAlpha, LiquidAlphaStep? liquidAlpha) =>
        liquidAlpha is { } liquid
            ? liquid.MovingAverage(consensus, weightForBonds, oldBond)
            : fixedAlpha.Average(weightForBonds, oldBond);

    /// <summary>
    /// Dividend weight of one validator before normalising, <c>S[i] · Σ_j B̂[i][j] · I[j]</c> with <c>B̂</c> the
    /// column-normalised bonds: a validator's bonds earn in proportion to its stake. The sum is at most Σ I ≤ 1.
    /// </summary>
    public static I32F32 Dividend(I32F32 bondsTimesIncentive, I32F32 activeStake) => UnitInterval.Multiply(bondsTimesIncentive, activeStake);
}
