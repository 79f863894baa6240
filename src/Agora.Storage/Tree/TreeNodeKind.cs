namespace Agora.Storage.Tree;

/// <summary>What a <see cref="TreeNode"/> holds in memory (not persisted).</summary>
internal enum TreeNodeKind
{
    Empty,
    Stub,
    Leaf,
    Branch,
}
