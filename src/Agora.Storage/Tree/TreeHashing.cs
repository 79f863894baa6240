using Agora.Core.Crypto;

namespace Agora.Storage.Tree;

/// <summary>
/// The frozen hashing and encoding rules of the state tree, shared by the tree and by light-client proof checks.
/// <list type="bullet">
/// <item>path(key) = Blake2b-256(key); bit i of the path (most significant bit of byte 0 first) picks the child at depth i, 0 = left.</item>
/// <item>valueHash(value) = Blake2b-256(value).</item>
/// <item>leaf = 0x01 ‖ path ‖ valueHash; branch = 0x02 ‖ left ‖ right; a node's hash is Blake2b-256 of its encoding.</item>
/// <item>The empty tree (and an empty subtree) hashes to 32 zero bytes and is never stored.</item>
/// </list>
/// </summary>
public static class TreeHashing
{
    /// <summary>Bytes in a hash, a path and a value hash.</summary>
    public const int HashBytes = 32;

    /// <summary>Bytes in an encoded node (tag + two hashes).</summary>
    public const int NodeBytes = 1 + (2 * HashBytes);

    /// <summary>Bits in a path: the deepest possible tree.</summary>
    public const int PathBitsMax = HashBytes * 8;

    /// <summary>The path of <paramref name="key"/> through the tree.</summary>
    public static byte[] PathOf(ReadOnlySpan<byte> key) => Blake2b.Hash256(key);

    /// <summary>The hash a leaf commits to for <paramref name="value"/>.</summary>
    public static byte[] ValueHashOf(ReadOnlySpan<byte> value) => Blake2b.Hash256(value);

    /// <summary>Bit <paramref name="depth"/> of <paramref name="path"/>: 0 = left, 1 = right.</summary>
    public static int Bit(ReadOnlySpan<byte> path, int depth) => (path[depth >> 3] >> (7 - (depth & 7))) & 1;

    /// <summary>The encoding of a node: tag, then two 32-byte fields.</summary>
    public static byte[] Encode(TreeNodeTag tag, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var encoded = new byte[NodeBytes];
        encoded[0] = (byte)tag;
        first.CopyTo(encoded.AsSpan(1, HashBytes));
        second.CopyTo(encoded.AsSpan(1 + HashBytes, HashBytes));
        return encoded;
    }

    /// <summary>The hash of a node from its fields.</summary>
    public static byte[] HashNode(TreeNodeTag tag, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Span<byte> encoded = stackalloc byte[NodeBytes];
        encoded[0] = (byte)tag;
        first.CopyTo(encoded.Slice(1, HashBytes));
        second.CopyTo(encoded.Slice(1 + HashBytes, HashBytes));
        return Blake2b.Hash256(encoded);
    }

    /// <summary>True for the empty-subtree hash (32 zero bytes).</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> hash) => !hash.ContainsAnyExcept((byte)0);
}
