using System.Buffers.Binary;

namespace Agora.Core.Codec;

/// <summary>
/// Reads what <see cref="CodecWriter"/> writes. Every read is bounds-checked and names the field on failure;
/// <see cref="End"/> rejects trailing bytes, so one value has exactly one accepted encoding.
/// </summary>
public ref struct CodecReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads from <paramref name="data"/>.</summary>
    public CodecReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>One byte.</summary>
    public byte U8(string field) => Take(1, field)[0];

    /// <summary>A boolean, which must be 0 or 1.</summary>
    public bool Bool(string field)
    {
        var value = U8(field);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new CodecException($"{field}: a boolean is 0 or 1, got {value}"),
        };
    }

    /// <summary>u16 little-endian.</summary>
    public ushort U16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, field));

    /// <summary>u32 little-endian.</summary>
    public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, field));

    /// <summary>u64 little-endian.</summary>
    public ulong U64(string field) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, field));

    /// <summary>An unsigned LEB128 length, at most <paramref name="max"/>, in its shortest form.</summary>
    public int Length32(string field, int max)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new CodecException($"{field}: length prefix is longer than 5 bytes");
            }

            var next = U8(field);
            var bits = (uint)(next & 0x7F);
            if (shift == 28 && bits > 0x0F)
            {
                throw new CodecException($"{field}: length prefix overflows 32 bits");
            }

            value |= bits << shift;
            if ((next & 0x80) == 0)
            {
                if (next == 0 && shift > 0)
                {
                    throw new CodecException($"{field}: length prefix is not in its shortest form");
                }

                break;
            }
        }

        if (value > (uint)max)
        {
            throw new CodecException($"{field}: length {value} exceeds the limit of {max}");
        }

        return (int)value;
    }

    /// <summary>Exactly <paramref name="size"/> raw bytes.</summary>
    public ReadOnlySpan<byte> Fixed(int size, string field) => Take(size, field);

    /// <summary>A length-prefixed byte string of at most <paramref name="max"/> bytes.</summary>
    public ReadOnlySpan<byte> Bytes(string field, int max) => Take(Length32(field, max), field);

    /// <summary>Fails when bytes remain: an encoding with trailing data is not canonical.</summary>
    public readonly void End(string what)
    {
        if (Remaining != 0)
        {
            throw new CodecException($"{what}: {Remaining} unexpected trailing bytes after the end");
        }
    }

    private ReadOnlySpan<byte> Take(int size, string field)
    {
        if (size > Remaining)
        {
            throw new CodecException($"{field}: truncated input, needed {size} bytes, {Remaining} left");
        }

        var slice = _data.Slice(_position, size);
        _position += size;
        return slice;
    }
}
