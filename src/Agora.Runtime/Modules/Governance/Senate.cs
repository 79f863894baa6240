using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;
using Agora.Storage;

namespace Agora.Runtime.Modules.Governance;

/// <summary>
/// The senate (DESIGN §4a): the top <see cref="ChainParameters.SenateSize"/> hotkeys by total stake over all netuids,
/// ties by hotkey bytes, each holding at least <see cref="ChainParameters.SenateStakeMin"/>. Recomputed at every vote.
/// </summary>
public static class Senate
{
    /// <summary>The senate's members with their stake, largest first.</summary>
    public static IReadOnlyList<(AccountId Hotkey, Rao Stake)> Members(IStateReader state, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return StakingState.Hotkeys(state)
            .Where(h => h.Info.TotalStake >= parameters.SenateStakeMin && h.Info.TotalStake.Value > 0)
            .Select(h => (h.Hotkey, Stake: h.Info.TotalStake))
            .OrderByDescending(h => h.Stake.Value)
            .ThenBy(h => h.Hotkey, AccountOrder.Instance)
            .Take(parameters.SenateSize)
            .ToArray();
    }
}
