using System.Collections.Immutable;

namespace Agora.Runtime.Modules.Weights;

/// <summary>The integer normalisations of a weights vector: for the limit check, and for storage.</summary>
public static class WeightsNormalisation
{
    /// <summary>
    /// Each weight as <c>floor(w · 65535 / Σ w)</c>, the reference chain's <c>normalize_weights</c>, against which
    /// <c>max_weight_limit</c> is checked. All zero stays all zero.
    /// </summary>
    public static ushort[] ToSum(ReadOnlySpan<ushort> weights)
    {
        ulong sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        var normalised = new ushort[weights.Length];
        for (var i = 0; i < weights.Length && sum > 0; i++)
        {
            normalised[i] = (ushort)(weights[i] * (ulong)ushort.MaxValue / sum);
        }

        return normalised;
    }

    /// <summary>
    /// The stored row: zero weights dropped, sorted by uid, max-upscaled (the largest becomes 65535, every other
    /// <c>floor(w · 65535 / max)</c>, never 0 since w ≥ 1 and max ≤ 65535). The uids must be distinct.
    /// </summary>
    public static SparseU16Row MaxUpscaledRow(ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights)
    {
        if (uids.Length != weights.Length)
        {
            throw new ArgumentException($"{uids.Length} uids but {weights.Length} weights", nameof(weights));
        }

        ushort max = 0;
        foreach (var weight in weights)
        {
            max = weight > max ? weight : max;
        }

        var entries = new List<(ushort Uid, ushort Value)>(uids.Length);
        for (var i = 0; i < uids.Length; i++)
        {
            if (weights[i] != 0)
            {
                entries.Add((uids[i], (ushort)(weights[i] * (ulong)ushort.MaxValue / max)));
            }
        }

        entries.Sort((a, b) => a.Uid.CompareTo(b.Uid));
        return new SparseU16Row(entries.ToImmutableArray());
    }
}
