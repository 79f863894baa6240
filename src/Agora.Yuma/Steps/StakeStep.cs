using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Steps 2 and 4: normalised stake <c>s</c> and active stake <c>S</c>.</summary>
internal static class StakeStep
{
    /// <summary><c>s = normalise(stake)</c>, normalised in 64.64 then truncated to 32 fractional bits.</summary>
    public static I32F32[] Normalize(ReadOnlySpan<NeuronState> neurons)
    {
        var stakes = new ulong[neurons.Length];
        for (var i = 0; i < neurons.Length; i++)
        {
            stakes[i] = neurons[i].Stake;
        }

        return U64Proportions.Normalize(stakes);
    }

    /// <summary>
    /// <c>S</c>: <paramref name="stake"/> zeroed where inactive or where the previous permit is false, normalised.
    /// </summary>
    public static I32F32[] Active(ReadOnlySpan<I32F32> stake, ReadOnlySpan<bool> inactive, ReadOnlySpan<NeuronState> neurons)
    {
        var active = new I32F32[stake.Length];
        for (var i = 0; i < stake.Length; i++)
        {
            active[i] = inactive[i] || !neurons[i].ValidatorPermit ? I32F32.Zero : stake[i];
        }

        VectorMath.NormalizeInPlace(active);
        return active;
    }
}
