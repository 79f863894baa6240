using Agora.Core.Primitives;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>
/// The one place that changes stake: a position and every total that sums it (the coldkey's index and staked
/// balance, the hotkey's per-subnet and overall totals and its senate-candidate entry, the subnet's total) move together. Callers move the free
/// balance side and check first; these only write.
/// </summary>
public static class StakeLedger
{
    /// <summary>Adds <paramref name="amount"/> to a position (the hotkey must be owned).</summary>
    public static void Credit(StateOverlay state, AccountId coldkey, AccountId hotkey, ushort netuid, Rao amount, ChainParameters parameters) =>
        Change(state, coldkey, hotkey, netuid, amount, add: true, parameters);

    /// <summary>Takes <paramref name="amount"/> from a position that holds at least that much.</summary>
    public static void Debit(StateOverlay state, AccountId coldkey, AccountId hotkey, ushort netuid, Rao amount, ChainParameters parameters) =>
        Change(state, coldkey, hotkey, netuid, amount, add: false, parameters);

    /// <summary>
    /// Adds every credit to its position on <paramref name="netuid"/> (each hotkey must be owned), writing each position's,
    /// hotkey's and coldkey's totals and the subnet's total once rather than once per credit: what an epoch's payouts
    /// need. The result equals <see cref="Credit"/> applied to each in turn. With <paramref name="before"/> (stake on
    /// <paramref name="netuid"/> read from this same state, nothing written since) the positions and the recorded
    /// hotkeys are taken from it instead of being read again.
    /// </summary>
    public static void CreditAll(
        StateOverlay state, ushort netuid, IReadOnlyList<(AccountId Coldkey, AccountId Hotkey, Rao Amount)> credits, ChainParameters parameters, SubnetStakeSnapshot? before = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(credits);
        ArgumentNullException.ThrowIfNull(parameters);
        if (before is not null && before.Netuid != netuid)
        {
            throw new ArgumentException($"a stake snapshot of subnet {before.Netuid} cannot credit subnet {netuid}", nameof(before));
        }

        // Sorted, so everything is written in key order whatever the credits' order (never hash order).
        var byPosition = new SortedDictionary<(AccountId Hotkey, AccountId Coldkey), Rao>();
        var byHotkey = new SortedDictionary<AccountId, Rao>();
        var byColdkey = new SortedDictionary<AccountId, Rao>();
        var total = Rao.Zero;
        foreach (var (coldkey, hotkey, amount) in credits)
        {
            byPosition[(hotkey, coldkey)] = byPosition.GetValueOrDefault((hotkey, coldkey)) + amount;
            byHotkey[hotkey] = byHotkey.GetValueOrDefault(hotkey) + amount;
            byColdkey[coldkey] = byColdkey.GetValueOrDefault(coldkey) + amount;
            total += amount;
        }

        foreach (var ((hotkey, coldkey), amount) in byPosition)
        {
            var position = (before?.Position(coldkey, hotkey) ?? StakingState.Position(state, coldkey, hotkey, netuid)) + amount;
            state.SetU64OrDelete(StakingKeys.Position(netuid, hotkey, coldkey), position.Value);
            state.SetU64OrDelete(StakingKeys.ColdkeyPosition(coldkey, netuid, hotkey), position.Value);
        }

        foreach (var (hotkey, amount) in byHotkey)
        {
            HotkeyInfo? hotkeyInfo;
            Rao stakeOnSubnet;
            if (before is not null && before.TryGetHotkey(hotkey, out var recorded, out var recordedStake))
            {
                (hotkeyInfo, stakeOnSubnet) = (recorded, recordedStake);
            }
            else
            {
                (hotkeyInfo, stakeOnSubnet) = (StakingState.Hotkey(state, hotkey), StakingState.HotkeyStakeOn(state, hotkey, netuid));
            }

            if (hotkeyInfo is null)
            {
                throw new InvalidOperationException($"stake changed on hotkey {hotkey}, which no coldkey owns");
            }

            state.SetU64OrDelete(StakingKeys.HotkeySubnet(hotkey, netuid), (stakeOnSubnet + amount).Value);
            var hotkeyTotal = hotkeyInfo.TotalStake + amount;
            state.Set(StakingKeys.Hotkey(hotkey), (hotkeyInfo with { TotalStake = hotkeyTotal }).Encode());
            state.SetU64OrDelete(StakingKeys.SenateCandidate(hotkey), hotkeyTotal >= parameters.SenateStakeMin ? hotkeyTotal.Value : 0);
        }

        foreach (var (coldkey, amount) in byColdkey)
        {
            var account = state.GetAccount(coldkey);
            state.SetAccount(coldkey, account with { Staked = account.Staked + amount });
        }

        var economy = SubnetState.Economy(state, netuid);
        SubnetState.SetEconomy(state, netuid, economy with { TotalStake = economy.TotalStake + total });
    }

    private static void Change(StateOverlay state, AccountId coldkey, AccountId hotkey, ushort netuid, Rao amount, bool add, ChainParameters parameters)
    {
        Rao Apply(Rao value) => add ? value + amount : value - amount;

        var position = Apply(StakingState.Position(state, coldkey, hotkey, netuid));
        state.SetU64OrDelete(StakingKeys.Position(netuid, hotkey, coldkey), position.Value);
        state.SetU64OrDelete(StakingKeys.ColdkeyPosition(coldkey, netuid, hotkey), position.Value);
        state.SetU64OrDelete(StakingKeys.HotkeySubnet(hotkey, netuid), Apply(StakingState.HotkeyStakeOn(state, hotkey, netuid)).Value);

        var hotkeyInfo = StakingState.Hotkey(state, hotkey)
            ?? throw new InvalidOperationException($"stake changed on hotkey {hotkey}, which no coldkey owns");
        var total = Apply(hotkeyInfo.TotalStake);
        state.Set(StakingKeys.Hotkey(hotkey), (hotkeyInfo with { TotalStake = total }).Encode());
        state.SetU64OrDelete(StakingKeys.SenateCandidate(hotkey), total >= parameters.SenateStakeMin ? total.Value : 0);

        var account = state.GetAccount(coldkey);
        state.SetAccount(coldkey, account with { Staked = Apply(account.Staked) });

        var economy = SubnetState.Economy(state, netuid);
        SubnetState.SetEconomy(state, netuid, economy with { TotalStake = Apply(economy.TotalStake) });
    }
}
