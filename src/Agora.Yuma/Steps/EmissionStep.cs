using System.Diagnostics;
using Agora.Core.FixedPoint;

namespace Agora.Yuma.Steps;

/// <summary>Steps 12 and 13: emission in whole rao, dust, pruning scores.</summary>
internal static class EmissionStep
{
    /// <summary>
    /// With <c>Σ = Σ_i (I[i] + D[i])</c>, miner share <c>I[i] / Σ</c> and validator share <c>D[i] / Σ</c> in fixed point;
    /// each payment is floor(emission × share) from the exact product. When Σ = 0 the validator share is <c>S</c>
    /// (or <c>s</c> when <c>S</c> is all zero). Dust = emission − everything paid.
    /// </summary>
    public static EmissionSplit Split(
        ReadOnlySpan<I32F32> incentive,
        ReadOnlySpan<I32F32> dividends,
        ReadOnlySpan<I32F32> activeStake,
        ReadOnlySpan<I32F32> stake,
        ulong emission)
    {
        var n = incentive.Length;
        var sum = I32F32.Zero;
        for (var i = 0; i < n; i++)
        {
            sum += incentive[i] + dividends[i];
        }

        var minerShare = new I32F32[n];
        var validatorShare = new I32F32[n];
        if (sum.IsZero)
        {
            var fallback = I32F32.Sum(activeStake).IsZero ? stake : activeStake;
            fallback.CopyTo(validatorShare);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                // Most neurons are only a miner or only a validator: a zero share needs no division.
                minerShare[i] = incentive[i].IsZero ? I32F32.Zero : incentive[i] / sum;
                validatorShare[i] = dividends[i].IsZero ? I32F32.Zero : dividends[i] / sum;
            }
        }

        var miner = new ulong[n];
        var validator = new ulong[n];
        var total = new ulong[n];
        UInt128 paid = 0;
        for (var i = 0; i < n; i++)
        {
            miner[i] = minerShare[i].MultiplyFloor(emission);
            validator[i] = validatorShare[i].MultiplyFloor(emission);
            total[i] = miner[i] + validator[i];
            paid += total[i];
        }

        // Shares are truncated quotients of parts of Σ (or a normalised vector), so they sum to at most one.
        Debug.Assert(paid <= emission, "an epoch never pays more than its emission");
        var dust = paid <= emission ? emission - (ulong)paid : throw new InvalidOperationException($"epoch paid {paid} rao of {emission}");
        return new EmissionSplit(miner, validator, total, dust);
    }

    /// <summary>Pruning score of each neuron: its emission this epoch (a new registration replaces the lowest).</summary>
    public static ulong[] PruningScores(ReadOnlySpan<ulong> emission) => emission.ToArray();
}
