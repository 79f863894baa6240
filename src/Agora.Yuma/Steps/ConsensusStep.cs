using System.Numerics;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Step 7: consensus <c>C[j]</c>, the κ-stake-weighted median of column j.</summary>
internal static class ConsensusStep
{
    /// <summary>At most 2^8 buckets per column.</summary>
    internal const int BucketBitsMax = 8;
    private const int SortedLengthMax = 32;

    /// <summary>κ as fixed point: <c>I32F32(kappa) / I32F32(65535)</c>.</summary>
    public static I32F32 Kappa(ushort kappa) => I32F32.FromInt((long)kappa) / I32F32.FromInt((long)ushort.MaxValue);

    /// <summary>
    /// The stakes the median weighs: the rows with <c>S[i] &gt; 0</c>, their stakes re-normalised (summing to
    /// <c>total</c>, possibly just below 1 by truncation), and <c>m = total − κ</c>.
    /// </summary>
    public static ConsensusStakes Stakes(ReadOnlySpan<I32F32> activeStake, I32F32 kappa)
    {
        var useStake = new I32F32[activeStake.Length];
        var candidateCount = 0;
        for (var i = 0; i < activeStake.Length; i++)
        {
            if (activeStake[i] > I32F32.Zero)
            {
                useStake[i] = activeStake[i];
                candidateCount++;
            }
        }

        VectorMath.NormalizeInPlace(useStake);
        var total = I32F32.Sum(useStake);
        return new ConsensusStakes(useStake, total, total - kappa, candidateCount);
    }

    /// <summary>
    /// The consensus of a column when its summary alone decides it, otherwise null (then <see cref="Column"/> searches
    /// its entries): 0 when no row takes part, or when the rows giving it weight 0 (absent entries) already hold more
    /// than m of the stake; the one weight when all its entries are equal.
    /// </summary>
    public static I32F32? FromSummary(in ColumnSummary summary, ConsensusStakes stakes)
    {
        if (summary.Count == 0 || stakes.CandidateCount == 0)
        {
            return I32F32.Zero;
        }

        if (summary.Count < stakes.CandidateCount && stakes.Total - summary.Stake > stakes.Minority)
        {
            return I32F32.Zero;
        }

        return summary.MinWeight == summary.MaxWeight ? summary.MinWeight : null;
    }

    /// <summary>
    /// Consensus of one column given its packed entries (<see cref="WeightColumns"/>: the positive weights from rows
    /// with active stake): the smallest weight v in the column (absent entries are weight 0) such that the stake of
    /// rows weighting it at most v exceeds m; the largest weight when none does; 0 when no row takes part. This is the
    /// value the reference's mid-pivot quickselect returns (its partition bounds are exact sums).
    /// </summary>
    /// <param name="entries">The column's packed entries.</param>
    /// <param name="summary">Their summary (<see cref="ColumnSummary"/>).</param>
    /// <param name="stakes">The stakes the median weighs.</param>
    /// <param name="scratch">Working space.</param>
    public static I32F32 Column(ReadOnlySpan<long> entries, in ColumnSummary summary, ConsensusStakes stakes, ConsensusScratch scratch)
    {
        if (FromSummary(summary, stakes) is { } decided)
        {
            return decided;
        }

        // The rows giving weight 0 hold total − column stake, at most any value.
        var need = stakes.Minority.Bits - (stakes.Total - summary.Stake).Bits;
        return SmallestValueAbove(entries, stakes.UseStake, need, summary.MinWeight, summary.MaxWeight, scratch);
    }

    /// <summary>
    /// The smallest weight v such that the stakes of the entries weighting at most v add up to more than
    /// <paramref name="need"/>, or the largest weight when none does. Short columns are sorted. Longer ones add their
    /// stakes into buckets of equal width over [min, max] (monotone in the weight, about four entries a bucket); the
    /// bucket where the running stake first exceeds <paramref name="need"/> holds the answer, and only its entries
    /// are sorted.
    /// </summary>
    private static I32F32 SmallestValueAbove(ReadOnlySpan<long> entries, I32F32[] useStake, long need, I32F32 min, I32F32 max, ConsensusScratch scratch)
    {
        if (entries.Length <= SortedLengthMax)
        {
            var copy = scratch.Entries.AsSpan(0, entries.Length);
            entries.CopyTo(copy);
            return SmallestValueAboveBySorting(copy, useStake, need);
        }

        var bucketBits = int.Min(BucketBitsMax, BitOperations.Log2((uint)entries.Length) - 2);
        var buckets = scratch.BucketStakes.AsSpan(0, 1 << bucketBits);
        var range = (ulong)(max.Bits - min.Bits);
        var shift = int.Max(0, 64 - BitOperations.LeadingZeroCount(range) - bucketBits);
        buckets.Clear();
        foreach (var entry in entries)
        {
            buckets[(int)((ulong)(WeightColumns.Weight(entry).Bits - min.Bits) >> shift)] += useStake[WeightColumns.Row(entry)].Bits;
        }

        long below = 0;
        var bucket = 0;
        while (bucket < buckets.Length && below + buckets[bucket] <= need)
        {
            below += buckets[bucket];
            bucket++;
        }

        if (bucket == buckets.Length)
        {
            return max;
        }

        var count = 0;
        var inBucket = scratch.Entries;
        foreach (var entry in entries)
        {
            if ((int)((ulong)(WeightColumns.Weight(entry).Bits - min.Bits) >> shift) == bucket)
            {
                inBucket[count++] = entry;
            }
        }

        return SmallestValueAboveBySorting(inBucket.AsSpan(0, count), useStake, need - below);
    }

    /// <summary>Sorts the entries by weight and walks up until the stake at most the current weight exceeds the need.</summary>
    private static I32F32 SmallestValueAboveBySorting(Span<long> entries, I32F32[] useStake, long need)
    {
        entries.Sort();
        long atMost = 0;
        var k = 0;
        var answer = I32F32.Zero;
        while (k < entries.Length)
        {
            var value = WeightColumns.Weight(entries[k]);
            while (k < entries.Length && WeightColumns.Weight(entries[k]) == value)
            {
                atMost += useStake[WeightColumns.Row(entries[k])].Bits;
                k++;
            }

            answer = value;
            if (atMost > need)
            {
                break;
            }
        }

        return answer;
    }
}

/// <summary>
/// What the median weighs: each row's re-normalised stake (zero for rows without active stake), their sum
/// <c>total</c>, <c>m = total − κ</c> and how many rows take part.
/// </summary>
internal sealed record ConsensusStakes(I32F32[] UseStake, I32F32 Total, I32F32 Minority, int CandidateCount);

/// <summary>Reusable working space for <see cref="ConsensusStep.Column"/>, sized for the longest column.</summary>
internal sealed class ConsensusScratch(int length)
{
    public long[] Entries { get; } = new long[length];

    public long[] BucketStakes { get; } = new long[1 << ConsensusStep.BucketBitsMax];
}
