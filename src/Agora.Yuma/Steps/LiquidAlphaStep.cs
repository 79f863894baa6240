using System.Collections.Immutable;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>
/// Liquid alpha (Yuma 3 only, as on the reference chain): each bond's moving-average coefficient α from a sigmoid of
/// how far its validator leads. Where the validator's weight for bonds is at least its bond, the lead is how far that
/// weight exceeds consensus (buying ahead of the others); otherwise how far the bond exceeds the weight (selling).
/// A lead above one half moves the bond quickly (α towards <see cref="High"/>), a lead below it slowly (towards
/// <see cref="Low"/>).
/// </summary>
/// <param name="Low">The lowest α.</param>
/// <param name="High">The highest α.</param>
/// <param name="Slope">−steepness / 100, the sigmoid exponent's factor.</param>
internal readonly record struct LiquidAlphaStep(I32F32 Low, I32F32 High, I32F32 Slope)
{
    private static readonly I32F32 _half = new(1L << (I32F32.FractionalBits - 1));

    // α for a lead of zero, which every validator weighting a miner at or below consensus (and at or above its bond)
    // has: computed once rather than by a series per bond.
    private readonly I32F32 _alphaWithoutLead = AlphaOfLead(I32F32.Zero, Low, High, Slope);

    /// <summary>
    /// The consensus liquid alpha measures leads against, by <see cref="YumaParameters.LiquidAlphaConsensusMode"/>:
    /// this epoch's, or the previous epoch's as stored (u16 proportions read as <c>I32F32(c) / I32F32(65535)</c>; none
    /// stored reads as zeros). <see cref="LiquidAlphaConsensusMode.Auto"/> takes the previous one when β is 1.
    /// </summary>
    public static I32F32[] MeasuredConsensus(YumaParameters parameters, I32F32[] current, ImmutableArray<ushort> previous)
    {
        var mode = parameters.LiquidAlphaConsensusMode;
        if (mode == LiquidAlphaConsensusMode.Current || (mode == LiquidAlphaConsensusMode.Auto && parameters.BondsPenalty != ushort.MaxValue))
        {
            return current;
        }

        var measured = new I32F32[current.Length];
        var stored = previous.IsDefault ? 0 : previous.Length;
        for (var j = 0; j < measured.Length && j < stored; j++)
        {
            measured[j] = BondsStep.U16ToProportion(previous[j]);
        }

        return measured;
    }

    /// <summary>
    /// Liquid alpha for this epoch, or null when the epoch uses the fixed α: when it is disabled, and (as on the
    /// reference chain) when every consensus it measures against is zero.
    /// </summary>
    public static LiquidAlphaStep? For(YumaParameters parameters, ReadOnlySpan<I32F32> consensus)
    {
        if (!parameters.LiquidAlphaEnabled || !consensus.ContainsAnyExcept(I32F32.Zero))
        {
            return null;
        }

        return new LiquidAlphaStep(
            BondsStep.U16ToProportion(parameters.AlphaLow),
            BondsStep.U16ToProportion(parameters.AlphaHigh),
            I32F32.FromInt((long)parameters.AlphaSigmoidSteepness) / I32F32.FromInt(-100L));
    }

    /// <summary>
    /// α of one bond: <c>Low + (High − Low) / (1 + e^(Slope · (lead − ½)))</c>, clamped to [Low, High], with e^x as the
    /// reference computes it (zero where its series overflows, <see cref="Exponential.ExpOrZero"/>).
    /// </summary>
    /// <param name="consensus">Column j's consensus that leads are measured against (<see cref="MeasuredConsensus"/>).</param>
    /// <param name="weight">The validator's weight for bonds <c>Wb[i][j]</c>.</param>
    /// <param name="bond">Its old bond <c>B[i][j]</c>, a proportion.</param>
    public I32F32 Alpha(I32F32 consensus, I32F32 weight, I32F32 bond)
    {
        var lead = weight >= bond ? Clamp(weight - consensus, I32F32.Zero, I32F32.One) : Clamp(bond - weight, I32F32.Zero, I32F32.One);
        return lead.IsZero ? _alphaWithoutLead : AlphaOfLead(lead, Low, High, Slope);
    }

    /// <summary>
    /// The bond after the moving average with this bond's α: <c>min((1 − α) · B + max(α · Wb, 0), 1)</c>, the
    /// reference's <c>mat_ema_alpha</c> cell.
    /// </summary>
    public I32F32 MovingAverage(I32F32 consensus, I32F32 weight, I32F32 bond)
    {
        var alpha = Alpha(consensus, weight, bond);
        var decayed = (I32F32.One - alpha) * bond;
        return I32F32.Min(decayed + I32F32.Max(alpha * weight, I32F32.Zero), I32F32.One);
    }

    private static I32F32 AlphaOfLead(I32F32 lead, I32F32 low, I32F32 high, I32F32 slope)
    {
        var sigmoid = I32F32.Reciprocal(I32F32.One + Exponential.ExpOrZero(slope * (lead - _half)));
        return Clamp(low + (sigmoid * (high - low)), low, high);
    }

    // The reference's clamp_value: the upper bound first, then the lower one.
    private static I32F32 Clamp(I32F32 value, I32F32 low, I32F32 high) => I32F32.Max(I32F32.Min(value, high), low);
}
