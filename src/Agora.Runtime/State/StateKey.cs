using System.Buffers.Binary;
using Agora.Core.Primitives;

namespace Agora.Runtime.State;

/// <summary>
/// Builds state keys: a module byte, an item byte, then parts. Numbers are big-endian so that keys sort in numeric
/// order (netuid 2 before netuid 10) and a prefix scan walks them in that order.
/// </summary>
public static class StateKey
{
    /// <summary>The two-byte prefix of an item of <paramref name="module"/>.</summary>
    public static byte[] Prefix(Protocol.Modules.ModuleId module, byte item) => [(byte)module, item];

    /// <summary><paramref name="prefix"/> followed by <paramref name="account"/>.</summary>
    public static byte[] With(byte[] prefix, AccountId account) => Concat(prefix, account.Bytes);

    /// <summary><paramref name="prefix"/> followed by <paramref name="netuid"/> (big-endian).</summary>
    public static byte[] With(byte[] prefix, ushort netuid)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, netuid);
        return Concat(prefix, bytes);
    }

    /// <summary><paramref name="prefix"/> followed by <paramref name="id"/> (big-endian).</summary>
    public static byte[] With(byte[] prefix, ulong id)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, id);
        return Concat(prefix, bytes);
    }

    /// <summary>Reads a big-endian netuid at <paramref name="offset"/> of <paramref name="key"/>.</summary>
    public static ushort NetuidAt(ReadOnlySpan<byte> key, int offset) => BinaryPrimitives.ReadUInt16BigEndian(key[offset..]);

    /// <summary>Reads a big-endian u64 at <paramref name="offset"/> of <paramref name="key"/>.</summary>
    public static ulong U64At(ReadOnlySpan<byte> key, int offset) => BinaryPrimitives.ReadUInt64BigEndian(key[offset..]);

    /// <summary>Reads an account at <paramref name="offset"/> of <paramref name="key"/>.</summary>
    public static AccountId AccountAt(ReadOnlySpan<byte> key, int offset) => new(key.Slice(offset, AccountId.Size));

    private static byte[] Concat(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> part)
    {
        var key = new byte[prefix.Length + part.Length];
        prefix.CopyTo(key);
        part.CopyTo(key.AsSpan(prefix.Length));
        return key;
    }
}
