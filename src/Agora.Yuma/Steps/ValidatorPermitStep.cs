using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 3: new validator permits for the next epoch.</summary>
internal static class ValidatorPermitStep
{
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

        var order = new int[n];
        var keys = new long[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = stake[i].Bits;
        }

        // Ascending by stake, then by uid: the same order a stable sort of uids by stake gives.
        order.AsSpan().Sort((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        for (var r = 0; r < n - maxAllowedValidators; r++)
        {
            permits[order[r]] = false;
        }

        return permits;
    }
}
