using Agora.Core.Primitives;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Typed reads of staking state, over any state (a block's overlay or a committed block).</summary>
public static class StakingState
{
    /// <summary>The record of <paramref name="hotkey"/>, or null when no coldkey owns it.</summary>
    public static HotkeyInfo? Hotkey(IStateLookup state, AccountId hotkey) =>
        state.Get(StakingKeys.Hotkey(hotkey)) is { } bytes ? HotkeyInfo.Decode(bytes) : null;

    /// <summary>The stake of <paramref name="coldkey"/> on (<paramref name="hotkey"/>, <paramref name="netuid"/>).</summary>
    public static Rao Position(IStateLookup state, AccountId coldkey, AccountId hotkey, ushort netuid) =>
        new(state.ReadU64(StakingKeys.Position(netuid, hotkey, coldkey)));

    /// <summary>The stake of <paramref name="hotkey"/> on <paramref name="netuid"/> over all its nominators.</summary>
    public static Rao HotkeyStakeOn(IStateLookup state, AccountId hotkey, ushort netuid) =>
        new(state.ReadU64(StakingKeys.HotkeySubnet(hotkey, netuid)));

    /// <summary>Every owned hotkey with its record, in key order.</summary>
    public static IEnumerable<(AccountId Hotkey, HotkeyInfo Info)> Hotkeys(IStateReader state) =>
        state.Iterate(StakingKeys.HotkeyPrefix).Select(e => (StateKey.AccountAt(e.Key, StakingKeys.HotkeyPrefix.Length), HotkeyInfo.Decode(e.Value)));

    /// <summary>The positions of <paramref name="coldkey"/>: (hotkey, netuid, stake), by netuid then hotkey.</summary>
    public static IEnumerable<(AccountId Hotkey, ushort Netuid, Rao Stake)> PositionsOf(IStateReader state, AccountId coldkey)
    {
        var prefix = StakingKeys.PositionsOf(coldkey);
        return state.Iterate(prefix).Select(e => (StateKey.AccountAt(e.Key, prefix.Length + 2), StateKey.NetuidAt(e.Key, prefix.Length), new Rao(StateReading.DecodeU64(e.Value))));
    }

    /// <summary>The subnets <paramref name="hotkey"/> has stake on, with its total there.</summary>
    public static IEnumerable<(ushort Netuid, Rao Stake)> SubnetsOf(IStateReader state, AccountId hotkey)
    {
        var prefix = StakingKeys.SubnetsOf(hotkey);
        return state.Iterate(prefix).Select(e => (StateKey.NetuidAt(e.Key, prefix.Length), new Rao(StateReading.DecodeU64(e.Value))));
    }

    /// <summary>The nominators of (<paramref name="hotkey"/>, <paramref name="netuid"/>): coldkey and stake, the owner included.</summary>
    public static IEnumerable<(AccountId Coldkey, Rao Stake)> NominatorsOn(IStateReader state, ushort netuid, AccountId hotkey)
    {
        var prefix = StakingKeys.PositionsOn(netuid, hotkey);
        return state.Iterate(prefix).Select(e => (StateKey.AccountAt(e.Key, prefix.Length), new Rao(StateReading.DecodeU64(e.Value))));
    }

    /// <summary>Every position on <paramref name="netuid"/>: hotkey, coldkey, stake.</summary>
    public static IEnumerable<(AccountId Hotkey, AccountId Coldkey, Rao Stake)> PositionsOn(IStateReader state, ushort netuid)
    {
        var prefix = StakingKeys.PositionsOn(netuid);
        return state.Iterate(prefix).Select(e => (StateKey.AccountAt(e.Key, prefix.Length), StateKey.AccountAt(e.Key, prefix.Length + AccountId.Size), new Rao(StateReading.DecodeU64(e.Value))));
    }
}
