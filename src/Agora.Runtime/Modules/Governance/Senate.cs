using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Governance;

/// <summary>
/// The senate (DESIGN §4a): the top <see cref="ChainParameters.SenateSize"/> hotkeys by total stake over all netuids,
/// ties by hotkey bytes, each holding at least <see cref="ChainParameters.SenateStakeMin"/>. Recomputed at every vote from
/// the senate-candidate index (<see cref="StakingKeys.SenateCandidatePrefix"/>), which holds only hotkeys above that minimum.
/// </summary>
public static class Senate
{
    /// <summary>The senate's members with their stake, largest first.</summary>
    public static IReadOnlyList<(AccountId Hotkey, Rao Stake)> Members(IStateReader state, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return state.Iterate(StakingKeys.SenateCandidatePrefix)
            .Select(entry => (Hotkey: StateKey.AccountAt(entry.Key, StakingKeys.SenateCandidatePrefix.Length), Stake: new Rao(StateReading.DecodeU64(entry.Value))))
            .OrderByDescending(h => h.Stake.Value)
            .ThenBy(h => h.Hotkey, AccountOrder.Instance)
            .Take(parameters.SenateSize)
            .ToArray();
    }
}
