using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// The Merkle state tree: a binary Merkle Patricia trie over Blake2b-256(key) paths, with nodes stored by hash in
/// <see cref="Column.StateTree"/>. Pure code over <see cref="IKeyValueStore"/>; roots are passed in and out, so the
/// tree holds no state of its own. Hashing and encoding rules: <see cref="TreeHashing"/>.
/// </summary>
/// <remarks>
/// Old nodes stay in the store after an update (no pruning yet): every past root remains provable, at the cost of
/// disk. Nodes are content-addressed, so writing one that exists already is harmless.
/// </remarks>
public sealed class StateTree
{
    /// <summary>Default size of the node cache: about the upper 16 levels of the tree, some 10 MB.</summary>
    public const int NodeCacheCountDefault = 1 << 17;

    private readonly IKeyValueStore _store;
    private readonly TreeNodeCache _cache;

    /// <summary>
    /// A tree over <paramref name="store"/>, keeping up to <paramref name="nodeCacheCountMax"/> recently used nodes in
    /// memory (0 turns the cache off). Share one instance per store.
    /// </summary>
    public StateTree(IKeyValueStore store, int nodeCacheCountMax = NodeCacheCountDefault)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCacheCountMax);
        _cache = new TreeNodeCache(nodeCacheCountMax);
    }

    /// <summary>The root of the empty state: 32 zero bytes.</summary>
    public static Hash256 EmptyRoot => Hash256.Zero;

    /// <summary>
    /// Applies <paramref name="changes"/> (any order; a later change of the same key wins; deleting an absent key is a
    /// no-op) to the tree under <paramref name="root"/>, adds the new nodes to <paramref name="batch"/> and returns
    /// the new root. Nothing is written to the store: commit the batch. Apply again only on top of a committed root
    /// (nodes pending in an unwritten batch are not visible).
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

    private Hash256 Walk(Hash256 root, IReadOnlyList<StateChange> changes, WriteBatch? batch)
    {
        StateLimits.Check(changes);
        var prepared = PathChange.Prepare(changes);
        var update = new TreeUpdate(_store, batch, _cache);
        return new Hash256(update.Update(TreeNode.Stub(root.Bytes.ToArray()), 0, prepared).Hash);
    }
}
