using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// The Merkle state tree: a binary Merkle Patricia trie over Blake2b-256(key) paths, with nodes stored by hash in
/// <see cref="Column.StateTree"/>. Pure code over <see cref="IKeyValueStore"/>; roots are passed in and out, so the
/// tree holds no state of its own. Hashing and encoding rules: <see cref="TreeHashing"/>.
/// </summary>
/// <remarks>
/// Old nodes and values stay in the store after an update (no pruning yet): every past root remains provable and
/// readable, at the cost of disk. Both are content-addressed, so writing one that exists already is harmless.
/// </remarks>
public sealed class StateTree
{
    /// <summary>Default size of the node cache: about the upper 16 levels of the tree, some 10 MB.</summary>
    public const int NodeCacheCountDefault = 1 << 17;

    private readonly IKeyValueStore _store;
    private readonly TreeNodeCache _cache;

    // Reads only (no batch): it never writes, so one instance serves every point lookup without allocating a walk.
    private readonly TreeUpdate _reader;

    /// <summary>
    /// A tree over <paramref name="store"/>, keeping up to <paramref name="nodeCacheCountMax"/> recently used nodes in
    /// memory (0 turns the cache off). Share one instance per store.
    /// </summary>
    public StateTree(IKeyValueStore store, int nodeCacheCountMax = NodeCacheCountDefault)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCacheCountMax);
        _cache = new TreeNodeCache(nodeCacheCountMax);
        _reader = new TreeUpdate(store, batch: null, _cache);
    }

    /// <summary>The root of the empty state: 32 zero bytes.</summary>
    public static Hash256 EmptyRoot => Hash256.Zero;

    /// <summary>
    /// Applies <paramref name="changes"/> (any order; a later change of the same key wins; deleting an absent key is a
    /// no-op) to the tree under <paramref name="root"/>, adds the new nodes and the new values (by value hash, to
    /// <see cref="Column.StateValues"/>) to <paramref name="batch"/> and returns the new root. Nothing is written to
    /// the store: commit the batch. Apply again only on top of a committed root (nodes pending in an unwritten batch
    /// are not visible).
    /// </summary>
    public Hash256 Apply(Hash256 root, IReadOnlyList<StateChange> changes, WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Walk(root, changes, batch);
    }

    /// <summary>The root <see cref="Apply"/> would return, without writing anything.</summary>
    public Hash256 ComputeRoot(Hash256 root, IReadOnlyList<StateChange> changes) => Walk(root, changes, batch: null);

    /// <summary>The root of exactly <paramref name="state"/> (all entries, any order; keys distinct), computed from scratch in memory.</summary>
    public static Hash256 ComputeRoot(IEnumerable<KeyValuePair<byte[], byte[]>> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changes = state.Select(static entry => new StateChange(entry.Key, entry.Value)).ToList();
        var prepared = PathChange.Prepare(changes);
        return new Hash256(new TreeUpdate(store: null, batch: null).Build(0, prepared).Hash);
    }

    /// <summary>True if the root node of <paramref name="root"/> is in the store (always true for <see cref="EmptyRoot"/>).</summary>
    public bool Contains(Hash256 root) => root == EmptyRoot || _store.Get(Column.StateTree, root.Bytes) is not null;

    /// <summary>
    /// The value of <paramref name="key"/> in the state under <paramref name="root"/> (any stored root, not only the
    /// best), or null when the key is absent: the walk <see cref="Prove"/> does, then one read of the value by the
    /// leaf's value hash. Throws a <see cref="StorageException"/> naming the fix if the root or a node is missing, or
    /// the value is (a database written before values were kept).
    /// </summary>
    public byte[]? Get(Hash256 root, ReadOnlySpan<byte> key) => Get(root.Bytes.ToArray(), key);

    /// <summary>A reader of the state under <paramref name="root"/>: <see cref="Get(Hash256, ReadOnlySpan{byte})"/> per key.</summary>
    public StateAtRoot At(Hash256 root) => new(this, root);

    /// <summary>A proof of the value of <paramref name="key"/>, or of its absence, under <paramref name="root"/>.</summary>
    public StateProof Prove(Hash256 root, ReadOnlySpan<byte> key)
    {
        var path = TreeHashing.PathOf(key);
        var walk = new TreeUpdate(_store, batch: null, _cache);
        var siblings = new List<Hash256>();
        var node = walk.Resolve(TreeNode.Stub(root.Bytes.ToArray()));
        while (node.Kind == TreeNodeKind.Branch)
        {
            var goRight = TreeHashing.Bit(path, siblings.Count) == 1;
            siblings.Add(new Hash256(goRight ? node.First! : node.Second!));
            node = walk.Resolve(TreeNode.Stub(goRight ? node.Second! : node.First!));
        }

        return node.Kind == TreeNodeKind.Leaf
            ? new StateProof(siblings, new Hash256(node.First!), new Hash256(node.Second!))
            : new StateProof(siblings, null, null);
    }

    /// <summary><see cref="Get(Hash256, ReadOnlySpan{byte})"/> with the root as an array (as nodes hold hashes), so a reader of one root converts it once.</summary>
    internal byte[]? Get(byte[] root, ReadOnlySpan<byte> key)
    {
        var path = TreeHashing.PathOf(key);
        var node = _reader.Resolve(TreeNode.Stub(root));
        for (var depth = 0; node.Kind == TreeNodeKind.Branch; depth++)
        {
            if (depth == TreeHashing.PathBitsMax)
            {
                throw new StorageException(
                    $"the state tree under root {new Hash256(root)} is deeper than {TreeHashing.PathBitsMax} levels: the database is corrupt; restore it from a backup or resync");
            }

            node = _reader.Resolve(TreeNode.Stub(TreeHashing.Bit(path, depth) == 1 ? node.Second! : node.First!));
        }

        // The walk ends at the key's leaf, at another key's leaf in the only place the key could be, or at nothing.
        if (node.Kind != TreeNodeKind.Leaf || !node.First.AsSpan().SequenceEqual(path))
        {
            return null;
        }

        return _store.Get(Column.StateValues, node.Second) ?? throw new StorageException(
            $"the state under root {new Hash256(root)} holds key 0x{Convert.ToHexStringLower(key)} with value hash {new Hash256(node.Second!)}, " +
            $"but column {Column.StateValues} has no value for it: the database was written by a node version that kept only " +
            "the best block's values, so blocks from before that upgrade cannot be read here; to read them, delete the data " +
            "directory and resync the chain");
    }

    private Hash256 Walk(Hash256 root, IReadOnlyList<StateChange> changes, WriteBatch? batch)
    {
        StateLimits.Check(changes);
        var prepared = PathChange.Prepare(changes);
        var update = new TreeUpdate(_store, batch, _cache);
        var newRoot = new Hash256(update.Update(TreeNode.Stub(root.Bytes.ToArray()), 0, prepared).Hash);
        if (batch is not null)
        {
            // Content-addressed like the nodes: a value another key (or an older block) already stored is rewritten harmlessly.
            foreach (var change in prepared)
            {
                if (change.Value is not null)
                {
                    batch.Put(Column.StateValues, change.ValueHash, change.Value);
                }
            }
        }

        return newRoot;
    }
}
