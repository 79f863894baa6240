using Agora.Core.Crypto;

namespace Agora.Core.Primitives;

/// <summary>An account: the 32-byte Ed25519 public key. Shown to people as an SS58 address.</summary>
public readonly record struct AccountId : IComparable<AccountId>
{
    /// <summary>Bytes in an account id.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    /// <summary>Wraps exactly 32 bytes.</summary>
    public AccountId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an account id has {Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The public key bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    /// <inheritdoc />
    public bool Equals(AccountId other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]);

    /// <summary>Orders by bytes, so iteration over accounts is the same on every node.</summary>
    public int CompareTo(AccountId other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>Compares byte-wise.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Compares byte-wise.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Compares byte-wise.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares byte-wise.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;

    /// <summary>The SS58 address (prefix 42).</summary>
    public override string ToString() => Ss58.Encode(this);
}
