using Agora.Core.Primitives;
using Agora.Protocol.Modules;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>The staking module's state layout. Persisted: never reuse or renumber an item byte.</summary>
public static class StakingKeys
{
    /// <summary>Hotkey → <see cref="HotkeyInfo"/>.</summary>
    public static readonly byte[] HotkeyPrefix = StateKey.Prefix(ModuleId.Staking, 0x01);

    /// <summary>netuid ‖ hotkey ‖ coldkey → stake (u64 rao): a subnet's positions, grouped by hotkey.</summary>
    public static readonly byte[] PositionPrefix = StateKey.Prefix(ModuleId.Staking, 0x02);

    /// <summary>coldkey ‖ netuid ‖ hotkey → stake (u64 rao): the same positions, by coldkey.</summary>
    public static readonly byte[] ColdkeyPositionPrefix = StateKey.Prefix(ModuleId.Staking, 0x03);

    /// <summary>hotkey ‖ netuid → the hotkey's stake on that subnet over all nominators (u64 rao).</summary>
    public static readonly byte[] HotkeySubnetPrefix = StateKey.Prefix(ModuleId.Staking, 0x04);

    /// <summary>
    /// Hotkey → its total stake (u64 rao), for hotkeys holding at least the senate minimum: the only hotkeys the
    /// senate ranking reads, so a flood of small hotkeys cannot make votes expensive (at most supply / minimum entries).
    /// </summary>
    public static readonly byte[] SenateCandidatePrefix = StateKey.Prefix(ModuleId.Staking, 0x05);

    /// <summary>The senate-candidate entry of <paramref name="hotkey"/>.</summary>
    public static byte[] SenateCandidate(AccountId hotkey) => StateKey.With(SenateCandidatePrefix, hotkey);

    /// <summary>The key of <paramref name="hotkey"/>'s record.</summary>
    public static byte[] Hotkey(AccountId hotkey) => StateKey.With(HotkeyPrefix, hotkey);

    /// <summary>Every position on <paramref name="netuid"/>.</summary>
    public static byte[] PositionsOn(ushort netuid) => StateKey.With(PositionPrefix, netuid);

    /// <summary>Every position on (<paramref name="netuid"/>, <paramref name="hotkey"/>): its nominators.</summary>
    public static byte[] PositionsOn(ushort netuid, AccountId hotkey) => StateKey.With(PositionsOn(netuid), hotkey);

    /// <summary>The position of <paramref name="coldkey"/> on (<paramref name="hotkey"/>, <paramref name="netuid"/>).</summary>
    public static byte[] Position(ushort netuid, AccountId hotkey, AccountId coldkey) => StateKey.With(PositionsOn(netuid, hotkey), coldkey);

    /// <summary>Every position of <paramref name="coldkey"/>.</summary>
    public static byte[] PositionsOf(AccountId coldkey) => StateKey.With(ColdkeyPositionPrefix, coldkey);

    /// <summary>The coldkey index entry of a position.</summary>
    public static byte[] ColdkeyPosition(AccountId coldkey, ushort netuid, AccountId hotkey) =>
        StateKey.With(StateKey.With(PositionsOf(coldkey), netuid), hotkey);

    /// <summary>Every subnet total of <paramref name="hotkey"/>.</summary>
    public static byte[] SubnetsOf(AccountId hotkey) => StateKey.With(HotkeySubnetPrefix, hotkey);

    /// <summary>The total of <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public static byte[] HotkeySubnet(AccountId hotkey, ushort netuid) => StateKey.With(SubnetsOf(hotkey), netuid);
}
