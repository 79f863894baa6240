using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Emission;

/// <summary>The integer exponential moving average of a subnet's stake (DESIGN §4a).</summary>
public static class StakeEma
{
    /// <summary>
    /// One block's step: <c>ema + trunc((stake − ema) · k / 2^32)</c> in 128-bit integers; when that step is zero
    /// while stake ≠ ema, the EMA takes the stake, so a subnet left without stake reaches exactly zero.
    /// </summary>
    public static Rao Step(Rao ema, Rao stake, ulong k)
    {
        var difference = (Int128)stake.Value - ema.Value;
        var step = difference * k / ((Int128)1 << 32);
        if (step == 0)
        {
            return stake;
        }

        return new Rao((ulong)((Int128)ema.Value + step));
    }
}
