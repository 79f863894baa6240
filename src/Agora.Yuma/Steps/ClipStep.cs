using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 8: clipped weights <c>Wc</c> (validator trust, their row sums, comes from <see cref="MovingAveragePass"/>).</summary>
internal static class ClipStep
{
    /// <summary><c>Wc[i][j] = min(W[i][j], C[j])</c>.</summary>
    public static I32F32 Clip(I32F32 weight, I32F32 consensus) => I32F32.Min(weight, consensus);
}
