namespace Agora.Subnets.Forecasting;

/// <summary>
/// Counter-based random numbers: each draw is a hash of (seed, step, stream), so a value does not depend on the order
/// of earlier draws. Only integer hashing, additions and multiplications by constants: the same bits on every machine.
/// </summary>
internal static class SeededRandom
{
    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    public static double Uniform(ulong seed, long step, int stream) =>
        (Hash(seed, step, stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A standard normal draw, approximated by the Irwin–Hall sum of twelve uniforms minus six (mean 0, variance 1,
    /// tails cut at ±6): no logarithms or cosines, whose last bits differ between runtimes.
    /// </summary>
    public static double Normal(ulong seed, long step, int stream)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
            sum += Uniform(seed, step, (stream * 16) + i);
        return sum - 6.0;
    }

    private static ulong Hash(ulong seed, long step, int stream)
    {
        // Wrapping is intended: these are hash mixes, not quantities.
        unchecked
        {
            var x = seed ^ Mix((ulong)step * 0x9E3779B97F4A7C15UL) ^ Mix(((ulong)(uint)stream + 1) * 0xD1B54A32D192ED03UL);
            return Mix(x);
        }
    }

    // SplitMix64's finaliser.
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
