using System.Buffers;
using System.Buffers.Binary;

namespace Agora.Core.Codec;

/// <summary>
/// Writes the canonical binary form of chain data: fixed-width little-endian integers, LEB128 lengths,
/// length-prefixed byte strings. One encoding per value, so a hash over the bytes is a hash over the value.
/// </summary>
public sealed class CodecWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public CodecWriter(int capacity = 256) => _buffer = new ArrayBufferWriter<byte>(capacity);

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>One byte.</summary>
    public CodecWriter U8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    /// <summary>A boolean as 0 or 1.</summary>
    public CodecWriter Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    /// <summary>u16 little-endian.</summary>
    public CodecWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    /// <summary>u32 little-endian.</summary>
    public CodecWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    /// <summary>u64 little-endian.</summary>
    public CodecWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>An unsigned LEB128 length or count.</summary>
    public CodecWriter Length32(int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a length cannot be negative");
        }

        var remaining = (uint)value;
        do
        {
            var next = (byte)(remaining & 0x7F);
            remaining >>= 7;
            U8(remaining == 0 ? next : (byte)(next | 0x80));
        }
        while (remaining != 0);
        return this;
    }

    /// <summary>Raw bytes with no prefix (fixed-size fields such as keys and hashes).</summary>
    public CodecWriter Fixed(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
        return this;
    }

    /// <summary>A length-prefixed byte string.</summary>
    public CodecWriter Bytes(ReadOnlySpan<byte> bytes) => Length32(bytes.Length).Fixed(bytes);
}
