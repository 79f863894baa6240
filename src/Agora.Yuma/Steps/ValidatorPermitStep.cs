using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 3: new validator permits for the next epoch.</summary>
internal static class ValidatorPermitStep
{
    private const int UidBits = 16;

    /// <summary>
    /// Among neurons with <c>s &gt; 0</c>, the <paramref name="maxAllowedValidators"/> largest. A stable ascending sort by
    /// <c>s</c> drops the n − k smallest, so on equal stake the higher uid wins; with n &lt; k every non-zero one wins.
    /// </summary>
    public static bool[] TopK(ReadOnlySpan<I32F32> stake, int maxAllowedValidators)
    {
        var n = stake.Length;
        var permits = new bool[n];
        for (var i = 0; i < n; i++)
        {
            permits[i] = !stake[i].IsZero;
        }

        if (n < maxAllowedValidators)
        {
            return permits;
        }

        // Ascending by stake, then by uid (the order a stable sort of uids by stake gives), as one integer key:
        // normalised stake is in [0, 2^32] and uids are below 2^15 (YumaLimits.NeuronCountMax), so (s << 16) | uid fits.
        // Other inputs (not produced by the epoch) take the general comparison.
        // Zero stakes sort first and hold no permit already, so only the non-zero ones need sorting: drop the
        // smallest n − k of all, i.e. the smallest (n − k) − zeros of the non-zero ones.
        var keys = new long[n];
        var packable = n <= 1 << UidBits;
        var nonZero = 0;
        for (var i = 0; i < n && packable; i++)
        {
            var bits = stake[i].Bits;
            packable = bits >= 0 && bits <= long.MaxValue >> UidBits;
            if (bits != 0)
            {
                keys[nonZero++] = (bits << UidBits) | (long)i;
            }
        }

        if (packable)
        {
            var sorted = keys.AsSpan(0, nonZero);
            sorted.Sort();
            var drop = (n - maxAllowedValidators) - (n - nonZero);
            for (var r = 0; r < drop; r++)
            {
                permits[(int)(sorted[r] & ((1L << UidBits) - 1))] = false;
            }

            return permits;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = stake[i].Bits;
        }

        order.AsSpan().Sort((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        for (var r = 0; r < n - maxAllowedValidators; r++)
        {
            permits[order[r]] = false;
        }

        return permits;
    }
}
