using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// A node while the tree is being updated: empty, a leaf (path, valueHash), a branch (left, right), or a stub
/// (only its hash is known; load it to see inside).
/// </summary>
internal readonly struct TreeNode
{
    private static readonly byte[] _emptyHash = new byte[TreeHashing.HashBytes];

    private TreeNode(TreeNodeKind kind, byte[] hash, byte[]? first, byte[]? second)
    {
        Kind = kind;
        Hash = hash;
        First = first;
        Second = second;
    }

    public static TreeNode Empty { get; } = new(TreeNodeKind.Empty, _emptyHash, null, null);

    public TreeNodeKind Kind { get; }

    public byte[] Hash { get; }

    /// <summary>Leaf: path. Branch: left child hash.</summary>
    public byte[]? First { get; }

    /// <summary>Leaf: value hash. Branch: right child hash.</summary>
    public byte[]? Second { get; }

    public bool IsEmpty => Kind == TreeNodeKind.Empty;

    public static TreeNode Stub(byte[] hash) =>
        TreeHashing.IsEmpty(hash) ? Empty : new TreeNode(TreeNodeKind.Stub, hash, null, null);

    public static TreeNode Leaf(byte[] path, byte[] valueHash) =>
        new(TreeNodeKind.Leaf, TreeHashing.HashNode(TreeNodeTag.Leaf, path, valueHash), path, valueHash);

    public static TreeNode Branch(byte[] left, byte[] right) =>
        new(TreeNodeKind.Branch, TreeHashing.HashNode(TreeNodeTag.Branch, left, right), left, right);

    /// <summary>Decodes a stored node, checking its shape.</summary>
    public static TreeNode Decode(byte[] hash, byte[] encoded)
    {
        if (encoded.Length != TreeHashing.NodeBytes || encoded[0] is not ((byte)TreeNodeTag.Leaf or (byte)TreeNodeTag.Branch))
        {
            throw new StorageException(
                $"state tree node {new Hash256(hash)} is malformed: expected {TreeHashing.NodeBytes} bytes starting with tag 1 or 2, " +
                $"found {encoded.Length} bytes starting with {(encoded.Length > 0 ? encoded[0] : -1)}; the database is corrupt: restore it from a backup or resync");
        }

        var first = encoded[1..(1 + TreeHashing.HashBytes)];
        var second = encoded[(1 + TreeHashing.HashBytes)..];
        var kind = encoded[0] == (byte)TreeNodeTag.Leaf ? TreeNodeKind.Leaf : TreeNodeKind.Branch;
        return new TreeNode(kind, hash, first, second);
    }

    public byte[] Encode() => TreeHashing.Encode(
        Kind == TreeNodeKind.Leaf ? TreeNodeTag.Leaf : TreeNodeTag.Branch,
        First ?? throw new InvalidOperationException($"a {Kind} node has no encoding"),
        Second!);
}
