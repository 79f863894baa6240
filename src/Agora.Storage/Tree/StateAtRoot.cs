using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// The state of one block read from its state root by point lookups in the tree: what a past block's queries read.
/// Any stored root stays readable (nothing is pruned), so an instance never goes stale; it is safe to use from any
/// thread. Slower than the flat best state (a walk of about log2(state size) nodes per key, the upper ones cached).
/// </summary>
public sealed class StateAtRoot : IStateLookup
{
    private readonly StateTree _tree;
    private readonly byte[] _root;

    /// <summary>The state under <paramref name="root"/> in <paramref name="tree"/>.</summary>
    public StateAtRoot(StateTree tree, Hash256 root)
    {
        _tree = tree ?? throw new ArgumentNullException(nameof(tree));
        _root = root.Bytes.ToArray();
        Root = root;
    }

    /// <summary>The state root read.</summary>
    public Hash256 Root { get; }

    /// <inheritdoc />
    /// <exception cref="StorageException">A node or the value is missing: the message names the fix.</exception>
    public byte[]? Get(ReadOnlySpan<byte> key) => _tree.Get(_root, key);
}
