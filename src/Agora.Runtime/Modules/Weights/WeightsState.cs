using Agora.Core.Primitives;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Weights;

/// <summary>Typed reads and writes of the weights module's state.</summary>
public static class WeightsState
{
    /// <summary>The weights row of (<paramref name="netuid"/>, <paramref name="uid"/>); empty when none.</summary>
    public static SparseU16Row Row(IStateLookup state, ushort netuid, ushort uid) =>
        state.Get(WeightsKeys.Row(netuid, uid)) is { } bytes ? SparseU16Row.Decode(bytes) : SparseU16Row.Empty;

    /// <summary>The block of (<paramref name="netuid"/>, <paramref name="uid"/>)'s last weights (its registration block before any).</summary>
    public static ulong LastUpdate(IStateLookup state, ushort netuid, ushort uid) => state.ReadU64(WeightsKeys.LastUpdate(netuid, uid));

    /// <summary>The pending commits of <paramref name="hotkey"/> on <paramref name="netuid"/>.</summary>
    public static PendingCommits Commits(IStateLookup state, ushort netuid, AccountId hotkey) =>
        state.Get(WeightsKeys.Commits(netuid, hotkey)) is { } bytes ? PendingCommits.Decode(bytes) : PendingCommits.None;

    /// <summary>Every hotkey's pending commits on <paramref name="netuid"/>, by hotkey.</summary>
    public static IEnumerable<(AccountId Hotkey, PendingCommits Commits)> CommitsOn(IStateReader state, ushort netuid)
    {
        var prefix = WeightsKeys.CommitsOn(netuid);
        return state.Iterate(prefix).Select(e => (StateKey.AccountAt(e.Key, prefix.Length), PendingCommits.Decode(e.Value)));
    }

    /// <summary>Stores a row (an empty row removes the key).</summary>
    public static void SetRow(StateOverlay state, ushort netuid, ushort uid, SparseU16Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.IsEmpty)
        {
            state.Delete(WeightsKeys.Row(netuid, uid));
        }
        else
        {
            state.Set(WeightsKeys.Row(netuid, uid), row.Encode());
        }
    }

    /// <summary>Stores the last update of (<paramref name="netuid"/>, <paramref name="uid"/>).</summary>
    public static void SetLastUpdate(StateOverlay state, ushort netuid, ushort uid, ulong block) => state.SetU64(WeightsKeys.LastUpdate(netuid, uid), block);

    /// <summary>Stores the pending commits (none removes the key).</summary>
    public static void SetCommits(StateOverlay state, ushort netuid, AccountId hotkey, PendingCommits commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Commits.IsEmpty)
        {
            state.Delete(WeightsKeys.Commits(netuid, hotkey));
        }
        else
        {
            state.Set(WeightsKeys.Commits(netuid, hotkey), commits.Encode());
        }
    }
}
