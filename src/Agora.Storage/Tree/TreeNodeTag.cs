namespace Agora.Storage.Tree;

/// <summary>
/// First byte of a tree node's encoding, which is also the domain-separation prefix of its hash.
/// Persisted: never renumber.
/// </summary>
public enum TreeNodeTag : byte
{
    /// <summary>One key: <c>0x01 ‖ path(32) ‖ valueHash(32)</c>.</summary>
    Leaf = 1,

    /// <summary>Two subtrees: <c>0x02 ‖ leftHash(32) ‖ rightHash(32)</c>; an empty subtree hashes to 32 zero bytes.</summary>
    Branch = 2,
}
