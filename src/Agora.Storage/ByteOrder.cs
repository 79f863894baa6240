namespace Agora.Storage;

/// <summary>Unsigned lexicographic byte order, the key order of every store (RocksDB's default comparator).</summary>
public sealed class ByteOrder : IComparer<byte[]>, IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    private ByteOrder()
    {
    }

    /// <summary>The one instance.</summary>
    public static ByteOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(byte[]? x, byte[]? y) => x is null ? (y is null ? 0 : -1) : y is null ? 1 : x.AsSpan().SequenceCompareTo(y);

    /// <inheritdoc />
    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    /// <summary>
    /// FNV-1a over the bytes: the same on every node and in every process (<c>System.HashCode</c> is seeded per
    /// process, and banned in consensus code). It only places keys in buckets; it is not resistant to keys chosen to
    /// collide, which costs lookups time, never correctness.
    /// </summary>
    public int GetHashCode(byte[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return GetHashCode(obj.AsSpan());
    }

    /// <summary>As <see cref="GetHashCode(byte[])"/>, for a key not (yet) in an array: lookups by span allocate nothing.</summary>
    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = FnvOffsetBasis;
        foreach (var b in alternate)
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return unchecked((int)hash);
    }

    /// <inheritdoc />
    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => other is not null && alternate.SequenceEqual(other);

    /// <inheritdoc />
    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    /// <summary>True if <paramref name="key"/> begins with <paramref name="prefix"/>.</summary>
    public static bool HasPrefix(ReadOnlySpan<byte> key, ReadOnlySpan<byte> prefix) => key.StartsWith(prefix);

    /// <summary>
    /// The smallest key greater than every key that starts with <paramref name="prefix"/>, or null when there is none
    /// (the prefix is empty or all 0xFF): an exclusive upper bound for a prefix scan.
    /// </summary>
    public static byte[]? PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }

        return null;
    }
}
