namespace Agora.Storage;

/// <summary>
/// The key spaces of the store. Values are persisted: never renumber, only append.
/// </summary>
public enum Column : byte
{
    /// <summary>Flat chain state of the best block: state key → value.</summary>
    State = 0,

    /// <summary>Nodes of the Merkle state tree, by node hash.</summary>
    StateTree = 1,

    /// <summary>Encoded blocks by block hash.</summary>
    Blocks = 2,

    /// <summary>Block number (u64 big-endian) → block hash, for the canonical chain.</summary>
    BlockIndex = 3,

    /// <summary>Chain metadata: best block, genesis hash, chain spec.</summary>
    Meta = 4,

    /// <summary>
    /// Values of the state tree's leaves by their hash (Blake2b-256 of the value, the hash a leaf commits to), so a
    /// past block's state can be read from its root. Old values are kept, like old tree nodes.
    /// </summary>
    StateValues = 5,
}
