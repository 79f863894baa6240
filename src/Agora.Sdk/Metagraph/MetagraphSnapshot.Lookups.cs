using System.Collections.Immutable;
using Agora.Core.Primitives;

namespace Agora.Sdk.Metagraph;

/// <summary>The reference SDK's short names and what a validator asks of a metagraph.</summary>
public sealed partial class MetagraphSnapshot
{
    /// <summary>S: <see cref="Stake"/>.</summary>
    public ImmutableArray<Rao> S => Stake;

    /// <summary>R: <see cref="Rank"/>.</summary>
    public ImmutableArray<decimal> R => Rank;

    /// <summary>T: <see cref="Trust"/>.</summary>
    public ImmutableArray<decimal> T => Trust;

    /// <summary>C: <see cref="Consensus"/>.</summary>
    public ImmutableArray<decimal> C => Consensus;

    /// <summary>I: <see cref="Incentive"/>.</summary>
    public ImmutableArray<decimal> I => Incentive;

    /// <summary>D: <see cref="Dividends"/>.</summary>
    public ImmutableArray<decimal> D => Dividends;

    /// <summary>E: <see cref="Emission"/>.</summary>
    public ImmutableArray<Rao> E => Emission;

    /// <summary>VT: <see cref="ValidatorTrust"/>.</summary>
    public ImmutableArray<decimal> VT => ValidatorTrust;

    /// <summary>W: <see cref="Weights"/>; throws when the sync did not ask for them.</summary>
    public MetagraphMatrix W => Weights ?? throw new InvalidOperationException("this metagraph was synced without weights; set SubnetMetagraph.WithWeights (or pass withWeights: true)");

    /// <summary>B: <see cref="Bonds"/>; throws when the sync did not ask for them.</summary>
    public MetagraphMatrix B => Bonds ?? throw new InvalidOperationException("this metagraph was synced without bonds; set SubnetMetagraph.WithBonds (or pass withBonds: true)");

    /// <summary>The uid <paramref name="hotkey"/> holds, or null when it holds none here.</summary>
    public ushort? UidOf(AccountId hotkey) => _uidByHotkey.TryGetValue(hotkey, out var uid) ? uid : null;

    /// <summary>The uids holding a validator permit, ascending.</summary>
    public ImmutableArray<ushort> UidsWithPermit() =>
        [.. Enumerable.Range(0, Count).Where(uid => ValidatorPermit[uid]).Select(uid => (ushort)uid)];

    /// <summary>The <paramref name="count"/> uids with the most stake, largest first; equal stakes by uid ascending.</summary>
    public ImmutableArray<ushort> TopByStake(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(0, Count).OrderByDescending(uid => Stake[uid].Value).ThenBy(uid => uid).Take(count).Select(uid => (ushort)uid)];
    }

    /// <summary>Every uid that serves an axon, ascending by uid: where a dendrite reaches it and the hotkey it answers as.</summary>
    public ImmutableArray<ServingAxon> ServingAxons() =>
        [.. Enumerable.Range(0, Count).Where(uid => Axons[uid] is not null).Select(uid => new ServingAxon((ushort)uid, Hotkeys[uid], Axons[uid]!))];
}
