using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// One walk over the tree that applies a path-ordered change set. It reads only the nodes on changed paths and
/// writes only the new ones, so a block costs O(changes × depth) hashing and node writes.
/// The shape is canonical: a subtree with no key is empty, with one key is a leaf, with more is a branch; so the
/// root depends only on the set of entries, never on history.
/// </summary>
internal sealed class TreeUpdate(IKeyValueStore? store, WriteBatch? batch, TreeNodeCache? cache = null)
{
    /// <summary>Nodes written to the batch (or that would be, without a batch).</summary>
    public int NodesWritten { get; private set; }

    /// <summary>Loads the node behind a stub; other nodes are returned as they are.</summary>
    public TreeNode Resolve(TreeNode node)
    {
        if (node.Kind != TreeNodeKind.Stub)
        {
            return node;
        }

        if (store is null)
        {
            throw new InvalidOperationException("a tree walk without a store met a stored node; this is a bug in the tree code");
        }

        if (cache is not null && cache.TryGet(node.Hash, out var cached))
        {
            return cached;
        }

        var encoded = store.Get(Column.StateTree, node.Hash) ?? throw new StorageException(
            $"state tree node {new Hash256(node.Hash)} is missing from column {Column.StateTree}: the database is incomplete " +
            "(a root from another database, or lost files); restore it from a backup or resync");
        var loaded = TreeNode.Decode(node.Hash, encoded);
        cache?.Add(loaded);
        return loaded;
    }

    public TreeNode Update(TreeNode node, int depth, ReadOnlySpan<PathChange> changes)
    {
        if (changes.IsEmpty)
        {
            return node;
        }

        node = Resolve(node);
        switch (node.Kind)
        {
            case TreeNodeKind.Empty:
                return Build(depth, PutsOf(changes, keep: null));
            case TreeNodeKind.Leaf:
                return Build(depth, PutsOf(changes, keep: node));
            default:
                var split = PathChange.SplitAt(changes, depth);
                var left = Update(TreeNode.Stub(node.First!), depth + 1, changes[..split]);
                var right = Update(TreeNode.Stub(node.Second!), depth + 1, changes[split..]);
                if (left.Hash.AsSpan().SequenceEqual(node.First) && right.Hash.AsSpan().SequenceEqual(node.Second))
                {
                    return node;
                }

                return Join(left, right);
        }
    }

    /// <summary>The canonical subtree at <paramref name="depth"/> holding exactly <paramref name="leaves"/> (ordered by path).</summary>
    public TreeNode Build(int depth, ReadOnlySpan<PathChange> leaves)
    {
        if (leaves.IsEmpty)
        {
            return TreeNode.Empty;
        }

        if (leaves.Length == 1)
        {
            var leaf = TreeNode.Leaf(leaves[0].Path, leaves[0].ValueHash!);
            Store(leaf);
            return leaf;
        }

        var split = PathChange.SplitAt(leaves, depth);
        return Join(Build(depth + 1, leaves[..split]), Build(depth + 1, leaves[split..]));
    }

    /// <summary>A branch over two subtrees, collapsed when it would hold fewer than two keys.</summary>
    private TreeNode Join(TreeNode left, TreeNode right)
    {
        if (left.IsEmpty && right.IsEmpty)
        {
            return TreeNode.Empty;
        }

        if (left.IsEmpty || right.IsEmpty)
        {
            var only = Resolve(left.IsEmpty ? right : left);
            if (only.Kind == TreeNodeKind.Leaf)
            {
                return only;
            }
        }

        var branch = TreeNode.Branch(left.Hash, right.Hash);
        Store(branch);
        return branch;
    }

    /// <summary>The puts among <paramref name="changes"/>, plus the existing leaf <paramref name="keep"/> unless a change replaces it.</summary>
    private static PathChange[] PutsOf(ReadOnlySpan<PathChange> changes, TreeNode? keep)
    {
        var puts = new List<PathChange>(changes.Length + 1);
        var kept = keep is null;
        foreach (var change in changes)
        {
            if (!kept)
            {
                var order = change.Path.AsSpan().SequenceCompareTo(keep!.Value.First);
                if (order >= 0)
                {
                    kept = true;
                    if (order > 0)
                    {
                        puts.Add(new PathChange(keep.Value.First!, keep.Value.Second));
                    }
                }
            }

            if (change.ValueHash is not null)
            {
                puts.Add(change);
            }
        }

        if (!kept)
        {
            puts.Add(new PathChange(keep!.Value.First!, keep.Value.Second));
        }

        return [.. puts];
    }

    private void Store(TreeNode node)
    {
        NodesWritten++;
        if (batch is not null)
        {
            batch.Put(Column.StateTree, node.Hash, node.Encode());

            // Safe even if the batch is dropped: walks start at committed roots, which reach only persisted nodes.
            cache?.Add(node);
        }
    }
}
