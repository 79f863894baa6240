namespace Agora.Yuma;

/// <summary>Which consensus liquid alpha measures a validator's lead against (the reference's <c>ConsensusMode</c>).</summary>
public enum LiquidAlphaConsensusMode
{
    /// <summary>This epoch's consensus.</summary>
    Current,

    /// <summary>
    /// The previous epoch's consensus as the chain stored it (u16 proportions, <see cref="EpochInput.PreviousConsensus"/>),
    /// so a validator's lead is judged against what consensus was before this epoch's weights moved it.
    /// </summary>
    Previous,

    /// <summary>
    /// <see cref="Previous"/> when the bonds penalty is 1 (clipped weights make the current consensus a ceiling no
    /// bond can lead), <see cref="Current"/> otherwise; the reference chain's default.
    /// </summary>
    Auto,
}
