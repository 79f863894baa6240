using System.Buffers.Binary;
using Agora.Core.Primitives;

namespace Agora.Storage.Tree;

/// <summary>
/// A proof that a key holds a value, or is absent, under a state root. <see cref="Verify"/> is a pure function a
/// light client runs against the state root of a block header.
/// </summary>
/// <remarks>
/// The walk follows the key's path from the root: <see cref="Siblings"/> are the hashes of the subtrees beside it,
/// root first. It ends at an empty subtree (the key is absent), at the key's own leaf (present), or at another key's
/// leaf that occupies the only slot the key could be in (absent).
/// Encoding (frozen): u16 LE sibling count ‖ siblings (32 each) ‖ u8 end (0 = empty, 1 = leaf) ‖ if leaf: path(32) ‖ valueHash(32).
/// </remarks>
public sealed class StateProof
{
    /// <summary>Longest encoded proof.</summary>
    public const int EncodedBytesMax = 2 + (TreeHashing.PathBitsMax * TreeHashing.HashBytes) + 1 + (2 * TreeHashing.HashBytes);

    private readonly byte[][] _siblings;

    /// <summary>A proof ending at an empty subtree (<paramref name="leafPath"/> null) or at a leaf.</summary>
    public StateProof(IReadOnlyList<Hash256> siblings, Hash256? leafPath, Hash256? leafValueHash)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        if (siblings.Count > TreeHashing.PathBitsMax)
        {
            throw new ArgumentException($"a proof has at most {TreeHashing.PathBitsMax} siblings, got {siblings.Count}", nameof(siblings));
        }

        if (leafPath.HasValue != leafValueHash.HasValue)
        {
            throw new ArgumentException("a proof ending at a leaf needs both the leaf path and its value hash; one was missing", nameof(leafPath));
        }

        _siblings = [.. siblings.Select(static s => s.Bytes.ToArray())];
        LeafPath = leafPath;
        LeafValueHash = leafValueHash;
    }

    /// <summary>Hashes of the subtrees beside the key's path, from the root down.</summary>
    public IReadOnlyList<Hash256> Siblings => [.. _siblings.Select(static s => new Hash256(s))];

    /// <summary>The path of the leaf where the walk ends, or null when it ends at an empty subtree.</summary>
    public Hash256? LeafPath { get; }

    /// <summary>The value hash of the leaf where the walk ends, or null when it ends at an empty subtree.</summary>
    public Hash256? LeafValueHash { get; }

    /// <summary>
    /// True if <paramref name="proof"/> shows that under <paramref name="root"/> the key <paramref name="key"/> holds
    /// <paramref name="value"/> (or, for a null value, that the key is absent).
    /// </summary>
    public static bool Verify(Hash256 root, ReadOnlySpan<byte> key, byte[]? value, StateProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var path = TreeHashing.PathOf(key);
        var depth = proof._siblings.Length;
        byte[] current;
        if (proof.LeafPath is { } leafPath)
        {
            var leafValueHash = proof.LeafValueHash!.Value.Bytes;
            var isKeysLeaf = leafPath.Bytes.SequenceEqual(path);
            if (value is null ? isKeysLeaf || !SharesPrefix(leafPath.Bytes, path, depth)
                              : !isKeysLeaf || !leafValueHash.SequenceEqual(TreeHashing.ValueHashOf(value)))
            {
                return false;
            }

            current = TreeHashing.HashNode(TreeNodeTag.Leaf, leafPath.Bytes, leafValueHash);
        }
        else
        {
            if (value is not null)
            {
                return false;
            }

            current = new byte[TreeHashing.HashBytes];
        }

        for (var i = depth - 1; i >= 0; i--)
        {
            current = TreeHashing.Bit(path, i) == 0
                ? TreeHashing.HashNode(TreeNodeTag.Branch, current, proof._siblings[i])
                : TreeHashing.HashNode(TreeNodeTag.Branch, proof._siblings[i], current);
        }

        return root.Bytes.SequenceEqual(current);
    }

    /// <summary>Decodes the frozen encoding (see remarks); throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static StateProof Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < 3)
        {
            throw new FormatException($"a state proof has at least 3 bytes, got {encoded.Length}");
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(encoded);
        if (count > TreeHashing.PathBitsMax)
        {
            throw new FormatException($"a state proof has at most {TreeHashing.PathBitsMax} siblings, the encoding says {count}");
        }

        var endAt = 2 + (count * TreeHashing.HashBytes);
        var expected = endAt + 1 + (encoded.Length > endAt && encoded[endAt] == 1 ? 2 * TreeHashing.HashBytes : 0);
        if (encoded.Length != expected || encoded[endAt] > 1)
        {
            throw new FormatException(
                $"a state proof with {count} siblings is {expected} bytes ending in 0 (empty) or 1 (leaf), got {encoded.Length} bytes");
        }

        var siblings = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            siblings[i] = new Hash256(encoded.Slice(2 + (i * TreeHashing.HashBytes), TreeHashing.HashBytes));
        }

        return encoded[endAt] == 0
            ? new StateProof(siblings, null, null)
            : new StateProof(
                siblings,
                new Hash256(encoded.Slice(endAt + 1, TreeHashing.HashBytes)),
                new Hash256(encoded.Slice(endAt + 1 + TreeHashing.HashBytes, TreeHashing.HashBytes)));
    }

    /// <summary>The frozen encoding (see remarks).</summary>
    public byte[] Encode()
    {
        var endAt = 2 + (_siblings.Length * TreeHashing.HashBytes);
        var encoded = new byte[endAt + 1 + (LeafPath.HasValue ? 2 * TreeHashing.HashBytes : 0)];
        BinaryPrimitives.WriteUInt16LittleEndian(encoded, (ushort)_siblings.Length);
        for (var i = 0; i < _siblings.Length; i++)
        {
            _siblings[i].CopyTo(encoded, 2 + (i * TreeHashing.HashBytes));
        }

        if (LeafPath is { } leafPath)
        {
            encoded[endAt] = 1;
            leafPath.Bytes.CopyTo(encoded.AsSpan(endAt + 1));
            LeafValueHash!.Value.Bytes.CopyTo(encoded.AsSpan(endAt + 1 + TreeHashing.HashBytes));
        }

        return encoded;
    }

    private static bool SharesPrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int bits)
    {
        for (var i = 0; i < bits; i++)
        {
            if (TreeHashing.Bit(a, i) != TreeHashing.Bit(b, i))
            {
                return false;
            }
        }

        return true;
    }
}
