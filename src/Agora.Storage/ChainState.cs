using Agora.Core.Primitives;
using Agora.Storage.Tree;

namespace Agora.Storage;

/// <summary>
/// The chain state of the best block: flat key → value entries in <see cref="Column.State"/> for fast reads, the
/// Merkle tree over them in <see cref="Column.StateTree"/> with its leaves' values in <see cref="Column.StateValues"/>
/// (so past blocks stay readable: <see cref="StateTree.At"/>), and its root under <see cref="MetaKeys.StateRoot"/> in
/// <see cref="Column.Meta"/>. <see cref="Apply"/> puts all three into the block's batch, so one atomic write moves
/// them together and they can never disagree after a crash.
/// </summary>
/// <example>
/// Producing (or importing) a block:
/// <code>
/// var changes = runtime.Execute(block, reader: chainState);        // reads the parent state
/// var batch = new WriteBatch();
/// var root = chainState.Apply(changes, batch);                     // flat state + tree nodes + root
/// header = header with { StateRoot = root };                       // or, importing: compare with the header
/// batch.Put(Column.Blocks, hash, encodedBlock);                    // block, index and best-block meta
/// batch.Put(Column.BlockIndex, numberBigEndian, hash);
/// batch.Put(Column.Meta, bestKey, hash);
/// store.Write(batch);                                              // one synced atomic write
/// </code>
/// </example>
public sealed class ChainState : IStateReader
{
    private readonly IKeyValueStore _store;

    /// <summary>State over <paramref name="store"/>; nothing is read until used. Keep one instance per store (it caches tree nodes).</summary>
    public ChainState(IKeyValueStore store, int nodeCacheCountMax = StateTree.NodeCacheCountDefault)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Tree = new StateTree(store, nodeCacheCountMax);
    }

    /// <summary>The tree, for proofs and roots of other blocks.</summary>
    public StateTree Tree { get; }

    /// <summary>The state root of the committed best state (<see cref="StateTree.EmptyRoot"/> before genesis).</summary>
    public Hash256 Root
    {
        get
        {
            var stored = _store.Get(Column.Meta, MetaKeys.StateRoot);
            if (stored is null)
            {
                return StateTree.EmptyRoot;
            }

            if (stored.Length != Hash256.Size)
            {
                throw new StorageException(
                    $"the stored state root is {stored.Length} bytes, expected {Hash256.Size}; the database is corrupt: restore it from a backup or resync");
            }

            return new Hash256(stored);
        }
    }

    /// <inheritdoc />
    public byte[]? Get(ReadOnlySpan<byte> key) => _store.Get(Column.State, key);

    /// <summary>State entries whose key starts with <paramref name="prefix"/>, in ascending key order.</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Iterate(ReadOnlyMemory<byte> prefix) => _store.Iterate(Column.State, prefix);

    /// <summary>
    /// Adds <paramref name="changes"/> to <paramref name="batch"/>: flat state puts and deletes, the new tree nodes and
    /// values, and the new root. Returns the new root. The store is unchanged until the batch is written; write it before the
    /// next <see cref="Apply"/>. If the batch is dropped instead (a block that fails checks), nothing happened.
    /// </summary>
    public Hash256 Apply(IReadOnlyList<StateChange> changes, WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var root = Tree.Apply(Root, changes, batch);
        foreach (var change in changes)
        {
            if (change.Value is null)
            {
                batch.Delete(Column.State, change.Key);
            }
            else
            {
                batch.Put(Column.State, change.Key, change.Value);
            }
        }

        batch.Put(Column.Meta, MetaKeys.StateRoot, root.Bytes);
        return root;
    }

    /// <summary>The root <see cref="Apply"/> would return, writing nothing.</summary>
    public Hash256 ComputeRoot(IReadOnlyList<StateChange> changes) => Tree.ComputeRoot(Root, changes);

    /// <summary>A proof of the current value of <paramref name="key"/> (or its absence) under <see cref="Root"/>.</summary>
    public StateProof Prove(ReadOnlySpan<byte> key) => Tree.Prove(Root, key);

    /// <summary>
    /// The cheap check to run when the node opens its store: the stored root's node exists. Throws a
    /// <see cref="StorageException"/> naming the fix otherwise.
    /// </summary>
    public void VerifyOnOpen()
    {
        var root = Root;
        if (!Tree.Contains(root))
        {
            throw new StorageException(
                $"the best state root {root} has no node in column {Column.StateTree}: the database is incomplete or from " +
                "an incompatible version; restore it from a backup or delete the data directory and resync");
        }
    }

    /// <summary>
    /// Run when the node opens its store, after <see cref="VerifyOnOpen"/>. A database written before
    /// <see cref="Column.StateValues"/> existed holds no values: this stores the best state's values there (one atomic
    /// write, O(state size), once), so that every block from now on can be read from its root. Returns the number of
    /// values written: 0 when the column already holds values or the state is empty.
    /// </summary>
    public int KeepValuesOfBestState()
    {
        if (_store.Iterate(Column.StateValues, ReadOnlyMemory<byte>.Empty).Any())
        {
            return 0;
        }

        var batch = new WriteBatch();
        foreach (var entry in _store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty))
        {
            batch.Put(Column.StateValues, TreeHashing.ValueHashOf(entry.Value), entry.Value);
        }

        if (batch.Operations.Count > 0)
        {
            _store.Write(batch);
        }

        return batch.Operations.Count;
    }

    /// <summary>
    /// The thorough check, O(state size): recomputes the root from the flat state and compares it with the stored
    /// root. Throws a <see cref="StorageException"/> naming the fix if they differ. Returns the root.
    /// </summary>
    public Hash256 VerifyFull()
    {
        var stored = Root;
        var recomputed = StateTree.ComputeRoot(_store.Iterate(Column.State, ReadOnlyMemory<byte>.Empty));
        if (recomputed != stored)
        {
            throw new StorageException(
                $"the flat state hashes to {recomputed} but the stored state root is {stored}: the database is corrupt; " +
                "restore it from a backup or delete the data directory and resync");
        }

        return stored;
    }
}
