using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Storage;

namespace Agora.Runtime.Modules.Staking;

/// <summary>The checks stake calls share: a target that can take stake, and positions that stay 0 or above the minimum.</summary>
internal static class StakeRules
{
    /// <summary>Null when (<paramref name="hotkey"/>, <paramref name="netuid"/>) can receive stake.</summary>
    public static CallError? CheckTarget(IStateReader state, AccountId hotkey, ushort netuid)
    {
        if (!SubnetState.Exists(state, netuid))
        {
            return StakingError.SubnetNotFound.Because($"no subnet has netuid {netuid}; see `agora subnets list`");
        }

        return StakingState.Hotkey(state, hotkey) is null
            ? StakingError.HotkeyNotOwned.Because($"hotkey {hotkey} has no owner; its coldkey must run `agora wallet associate-hotkey` first")
            : null;
    }

    /// <summary>Null when a position of <paramref name="result"/> is allowed: zero or at least the minimum stake.</summary>
    public static CallError? CheckRemainder(Rao result, ChainParameters parameters, string which) =>
        result.Value != 0 && result < parameters.StakeMin
            ? StakingError.BelowMinimumStake.Because(
                $"{which} would hold {result.ToTaoString()} TAO, below the minimum stake of {parameters.StakeMin.ToTaoString()} TAO; move all of it or leave at least the minimum")
            : null;

    /// <summary>The amount a remove or move takes: the whole position for u64 max.</summary>
    public static Rao Requested(Rao amount, Rao position) => amount.Value == ulong.MaxValue ? position : amount;
}
