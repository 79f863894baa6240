using System.Collections.Immutable;

namespace Agora.Sdk.Metagraph;

/// <summary>
/// What changed between two syncs of a subnet's metagraph, by uid (each list ascending). A validator resets what
/// it knew of <see cref="Registered"/> and <see cref="Replaced"/> uids (a new hotkey is a new miner), dials
/// <see cref="AxonsChanged"/> anew, and may re-weigh on <see cref="StakeChanged"/>.
/// </summary>
/// <param name="FromBlock">The block of the earlier snapshot; null on the first sync.</param>
/// <param name="ToBlock">The block of the later one.</param>
/// <param name="Registered">Uids that did not exist before (every uid on the first sync).</param>
/// <param name="Replaced">Uids now held by a different hotkey (deregistered and taken by a new neuron, or swapped).</param>
/// <param name="Removed">Uids that existed before and no longer do (the subnet shrank or was replaced).</param>
/// <param name="AxonsChanged">Uids with the same hotkey whose axon was served, moved or changed version.</param>
/// <param name="StakeChanged">Uids with the same hotkey whose stake differs.</param>
public sealed record MetagraphChanges(
    ulong? FromBlock,
    ulong ToBlock,
    ImmutableArray<ushort> Registered,
    ImmutableArray<ushort> Replaced,
    ImmutableArray<ushort> Removed,
    ImmutableArray<ushort> AxonsChanged,
    ImmutableArray<ushort> StakeChanged)
{
    /// <summary>True when nothing listed changed.</summary>
    public bool IsEmpty => Registered.IsEmpty && Replaced.IsEmpty && Removed.IsEmpty && AxonsChanged.IsEmpty && StakeChanged.IsEmpty;

    /// <summary>The changes from <paramref name="before"/> (null: nothing known yet) to <paramref name="after"/> of the same subnet.</summary>
    public static MetagraphChanges Between(MetagraphSnapshot? before, MetagraphSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is not null && before.Netuid != after.Netuid)
        {
            throw new ArgumentException($"cannot diff subnet {before.Netuid} against subnet {after.Netuid}", nameof(after));
        }

        var kept = Math.Min(before?.Count ?? 0, after.Count);
        var replaced = ImmutableArray.CreateBuilder<ushort>();
        var axons = ImmutableArray.CreateBuilder<ushort>();
        var stake = ImmutableArray.CreateBuilder<ushort>();
        for (var uid = 0; uid < kept; uid++)
        {
            if (before!.Hotkeys[uid] != after.Hotkeys[uid])
            {
                replaced.Add((ushort)uid);
                continue;
            }

            if (before.Axons[uid] != after.Axons[uid])
            {
                axons.Add((ushort)uid);
            }

            if (before.Stake[uid] != after.Stake[uid])
            {
                stake.Add((ushort)uid);
            }
        }

        return new MetagraphChanges(
            before?.Block,
            after.Block,
            Uids(kept, after.Count),
            replaced.ToImmutable(),
            Uids(after.Count, before?.Count ?? 0),
            axons.ToImmutable(),
            stake.ToImmutable());
    }

    private static ImmutableArray<ushort> Uids(int from, int to) =>
        from >= to ? [] : [.. Enumerable.Range(from, to - from).Select(uid => (ushort)uid)];
}
