using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// The stake penalty (DESIGN §3, off unless <c>stake_penalty_rate</c> &gt; 0): a uid that went into the epoch with a
/// validator permit and came out with validator trust below <c>penalty_vtrust_threshold</c> / 65,535 extends its
/// low-trust streak, any other uid resets it; a streak that reaches <c>penalty_epochs</c> burns
/// <c>floor(own · stake_penalty_rate / 65,535)</c> of the owner's own position on the hotkey and starts again from 0.
/// </summary>
public static class StakePenalties
{
    /// <summary>True when the subnet has the penalty on.</summary>
    public static bool IsEnabled(SubnetHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return hyperparameters[HyperparameterId.StakePenaltyRate] > 0;
    }

    /// <summary>
    /// True when <paramref name="validatorTrust"/> &lt; <paramref name="threshold"/> / 65,535, compared exactly in
    /// integers: <c>bits · 65,535 &lt; threshold · 2^32</c>.
    /// </summary>
    public static bool IsBelow(I32F32 validatorTrust, ushort threshold) =>
        (Int128)validatorTrust.Bits * ushort.MaxValue < (Int128)threshold << I32F32.FractionalBits;

    /// <summary>The streak after this epoch, before any penalty resets it.</summary>
    public static ushort NextStreak(bool heldPermit, I32F32 validatorTrust, ushort streak, SubnetHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        if (!IsEnabled(hyperparameters) || !heldPermit || !IsBelow(validatorTrust, (ushort)hyperparameters[HyperparameterId.PenaltyVtrustThreshold]))
        {
            return 0;
        }

        return streak == ushort.MaxValue ? streak : (ushort)(streak + 1);
    }

    /// <summary>True when <paramref name="streak"/> has reached the subnet's <c>penalty_epochs</c>.</summary>
    public static bool IsDue(ushort streak, SubnetHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return streak > 0 && streak >= hyperparameters[HyperparameterId.PenaltyEpochs];
    }

    /// <summary>What a due penalty burns of <paramref name="own"/>: <c>floor(own · stake_penalty_rate / 65,535)</c>.</summary>
    public static Rao Burn(Rao own, SubnetHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        return EpochPayouts.Proportion(own, (ushort)hyperparameters[HyperparameterId.StakePenaltyRate]);
    }
}
