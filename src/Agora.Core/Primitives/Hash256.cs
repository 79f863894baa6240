using Agora.Core.Crypto;

namespace Agora.Core.Primitives;

/// <summary>A 32-byte hash (Blake2b-256 throughout the chain).</summary>
public readonly record struct Hash256
{
    /// <summary>Bytes in a hash.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    /// <summary>Wraps exactly 32 bytes.</summary>
    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"a hash has {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The all-zero hash (parent of genesis).</summary>
    public static Hash256 Zero { get; } = new(new byte[Size]);

    /// <summary>The hash bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes;

    /// <summary>Blake2b-256 of <paramref name="data"/>.</summary>
    public static Hash256 Of(ReadOnlySpan<byte> data) => new(Blake2b.Hash256(data));

    /// <summary>Parses <c>0x</c> + 64 hex digits.</summary>
    public static Hash256 Parse(string hex) => new(HexFormat.Decode(hex, Size, "hash"));

    /// <inheritdoc />
    public bool Equals(Hash256 other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]);

    /// <summary><c>0x</c>-prefixed lowercase hex.</summary>
    public override string ToString() => HexFormat.Encode(Bytes);
}
