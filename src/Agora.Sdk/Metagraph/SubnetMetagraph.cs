using Agora.Sdk.Client;

namespace Agora.Sdk.Metagraph;

/// <summary>
/// A subnet's metagraph kept in sync with the node: <see cref="SyncAsync"/> reads it in one
/// <c>agora_getMetagraph</c> call (plus <c>agora_getWeights</c>/<c>agora_getBonds</c> at the same block when
/// <see cref="WithWeights"/>/<see cref="WithBonds"/> ask), makes it <see cref="Current"/>, and returns — and raises
/// <see cref="Changed"/> with — what changed since the previous sync. Not thread-safe: one loop syncs it.
/// </summary>
public sealed class SubnetMetagraph
{
    private readonly ChainClient _chain;

    /// <summary>The metagraph of <paramref name="netuid"/> (≥ 1) over <paramref name="chain"/>; nothing is read until <see cref="SyncAsync"/>.</summary>
    public SubnetMetagraph(ChainClient chain, ushort netuid)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfZero(netuid);
        _chain = chain;
        Netuid = netuid;
    }

    /// <summary>Raised by <see cref="SyncAsync"/> when something changed (never for an empty diff).</summary>
    public event EventHandler<MetagraphChanges>? Changed;

    /// <summary>The subnet.</summary>
    public ushort Netuid { get; }

    /// <summary>Also read the weights (W) on each sync.</summary>
    public bool WithWeights { get; init; }

    /// <summary>Also read the bonds (B) on each sync.</summary>
    public bool WithBonds { get; init; }

    /// <summary>The last sync's snapshot; null before the first.</summary>
    public MetagraphSnapshot? Current { get; private set; }

    /// <summary>
    /// Reads the metagraph at <paramref name="block"/> (null: the best block; an older one for history, while the
    /// node keeps its state), makes it <see cref="Current"/>, and returns the changes from the previous
    /// <see cref="Current"/> (on the first sync: every uid registered). Going back in history diffs backwards too.
    /// </summary>
    public async Task<MetagraphChanges> SyncAsync(ulong? block = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadAsync(_chain, Netuid, block, WithWeights, WithBonds, cancellationToken).ConfigureAwait(false);
        var changes = MetagraphChanges.Between(Current, snapshot);
        Current = snapshot;
        if (!changes.IsEmpty)
        {
            Changed?.Invoke(this, changes);
        }

        return changes;
    }

    /// <summary>
    /// One snapshot of <paramref name="netuid"/> at <paramref name="block"/> (null: the best block), without keeping
    /// it. Weights and bonds, when asked for, are read at the metagraph's own block, so all parts agree even while
    /// blocks arrive.
    /// </summary>
    public static async Task<MetagraphSnapshot> LoadAsync(
        ChainClient chain, ushort netuid, ulong? block = null, bool withWeights = false, bool withBonds = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var metagraph = await chain.GetMetagraphAsync(netuid, block, cancellationToken).ConfigureAwait(false);
        var weights = withWeights ? chain.GetWeightsAsync(netuid, metagraph.Block, cancellationToken) : null;
        var bonds = withBonds ? chain.GetBondsAsync(netuid, metagraph.Block, cancellationToken) : null;
        return MetagraphSnapshot.From(
            metagraph,
            weights is null ? null : await weights.ConfigureAwait(false),
            bonds is null ? null : await bonds.ConfigureAwait(false));
    }
}
