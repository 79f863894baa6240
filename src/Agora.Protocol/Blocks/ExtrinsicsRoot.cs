using Agora.Core.Primitives;

namespace Agora.Protocol.Blocks;

/// <summary>
/// A binary Merkle root over a block's transaction hashes, so a transaction's inclusion can be proven
/// from the header. Leaves and inner nodes are domain-separated; an odd node is promoted unchanged.
/// </summary>
public static class ExtrinsicsRoot
{
    private const byte LeafTag = 0x00;
    private const byte NodeTag = 0x01;

    /// <summary>The root of no transactions.</summary>
    public static Hash256 Empty { get; } = Hash256.Of([]);

    /// <summary>The root over <paramref name="transactionHashes"/> in block order.</summary>
    public static Hash256 Compute(IReadOnlyList<Hash256> transactionHashes)
    {
        if (transactionHashes.Count == 0)
        {
            return Empty;
        }

        var level = transactionHashes.Select(hash => Combine(LeafTag, hash, null)).ToList();
        while (level.Count > 1)
        {
            var next = new List<Hash256>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Combine(NodeTag, level[i], level[i + 1]) : level[i]);
            }

            level = next;
        }

        return level[0];
    }

    private static Hash256 Combine(byte tag, Hash256 left, Hash256? right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Hash256.Size)];
        buffer[0] = tag;
        left.Bytes.CopyTo(buffer[1..]);
        var length = 1 + Hash256.Size;
        if (right is { } other)
        {
            other.Bytes.CopyTo(buffer[length..]);
            length += Hash256.Size;
        }

        return Hash256.Of(buffer[..length]);
    }
}
