using Agora.Core.Primitives;
using Agora.Storage;

namespace Agora.Runtime.Modules.Staking;

/// <summary>
/// Stake on one subnet as read at one moment: every position on it (from one scan of the subnet's positions, so a
/// position not here is zero) and, for the hotkeys recorded, their record and total on the subnet. Valid only until
/// the next stake write: <see cref="StakeLedger.CreditAll"/> takes it so that an epoch's payouts do not read again what
/// planning them just read.
/// </summary>
public sealed class SubnetStakeSnapshot
{
    // Looked up only, never enumerated (hash order differs between nodes); each hotkey's list is in key order.
    private readonly Dictionary<(AccountId Coldkey, AccountId Hotkey), Rao> _positions = [];
    private readonly Dictionary<AccountId, List<(AccountId Coldkey, Rao Stake)>> _byHotkey = [];
    private readonly Dictionary<AccountId, (HotkeyInfo Info, Rao StakeOnSubnet)> _hotkeys = [];

    private SubnetStakeSnapshot(ushort netuid) => Netuid = netuid;

    /// <summary>The subnet read.</summary>
    public ushort Netuid { get; }

    /// <summary>Reads every position on <paramref name="netuid"/> in one scan.</summary>
    public static SubnetStakeSnapshot Read(IStateReader state, ushort netuid)
    {
        var snapshot = new SubnetStakeSnapshot(netuid);
        foreach (var (hotkey, coldkey, stake) in StakingState.PositionsOn(state, netuid))
        {
            if (!snapshot._byHotkey.TryGetValue(hotkey, out var positions))
            {
                positions = [];
                snapshot._byHotkey.Add(hotkey, positions);
            }

            positions.Add((coldkey, stake));
            snapshot._positions.Add((coldkey, hotkey), stake);
        }

        return snapshot;
    }

    /// <summary>The positions on <paramref name="hotkey"/>, in coldkey key order (as <see cref="StakingState.NominatorsOn"/> lists them).</summary>
    public IReadOnlyList<(AccountId Coldkey, Rao Stake)> NominatorsOn(AccountId hotkey) =>
        _byHotkey.TryGetValue(hotkey, out var positions) ? positions : [];

    /// <summary>The stake of (<paramref name="coldkey"/>, <paramref name="hotkey"/>) on the subnet; zero when it holds none.</summary>
    public Rao Position(AccountId coldkey, AccountId hotkey) => _positions.GetValueOrDefault((coldkey, hotkey));

    /// <summary>Records <paramref name="hotkey"/>'s record and total stake on the subnet as read in the same state.</summary>
    public void RecordHotkey(AccountId hotkey, HotkeyInfo info, Rao stakeOnSubnet) => _hotkeys[hotkey] = (info, stakeOnSubnet);

    /// <summary>The recorded record and total of <paramref name="hotkey"/>, if <see cref="RecordHotkey"/> saw it.</summary>
    public bool TryGetHotkey(AccountId hotkey, out HotkeyInfo info, out Rao stakeOnSubnet)
    {
        var found = _hotkeys.TryGetValue(hotkey, out var recorded);
        (info, stakeOnSubnet) = recorded;
        return found;
    }
}
