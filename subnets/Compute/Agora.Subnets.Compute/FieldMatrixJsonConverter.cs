using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Subnets.Compute;

/// <summary>
/// JSON of a <see cref="FieldMatrix"/>: <c>{ "rows": n, "cols": m, "data": base64 }</c>, data being the n·m entries
/// row-major as little-endian u32s. Base64 is about half the size of a JSON number array of residues mod 2^31 − 1
/// and much cheaper to parse (docs/subnets/compute.md has the measurements), so it is what this side writes; for
/// hand-written requests from other languages, <c>"entries": [ … ]</c> (numbers) is accepted instead of data. The
/// reader checks only that the entry count is rows · cols (so a huge declared shape allocates nothing); bounds and
/// residues are checked by <see cref="MatrixProductRequest.Validate"/> and <see cref="ResponseJudge"/>.
/// </summary>
public sealed class FieldMatrixJsonConverter : JsonConverter<FieldMatrix>
{
    /// <inheritdoc/>
    public override FieldMatrix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A matrix is an object { \"rows\", \"cols\", \"data\" }.");
        }

        int? rows = null;
        int? cols = null;
        uint[]? entries = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "rows":
                    rows = reader.GetInt32();
                    break;
                case "cols":
                    cols = reader.GetInt32();
                    break;
                case "data":
                    entries = entries is null ? FromLittleEndian(reader.GetBytesFromBase64()) : throw BothEncodings();
                    break;
                case "entries":
                    entries = entries is null ? ReadNumbers(ref reader) : throw BothEncodings();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (rows is not { } rowCount || cols is not { } colCount || rowCount < 0 || colCount < 0)
        {
            throw new JsonException("A matrix needs \"rows\" and \"cols\", both zero or more.");
        }

        entries ??= [];
        if ((long)rowCount * colCount != entries.Length)
        {
            throw new JsonException(
                $"A {rowCount}×{colCount} matrix has {(long)rowCount * colCount} entries, but its data holds "
                + $"{entries.Length}; send rows · cols little-endian u32s.");
        }

        return FieldMatrix.Wrap(rowCount, colCount, entries);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FieldMatrix value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("rows", value.Rows);
        writer.WriteNumber("cols", value.Cols);
        writer.WriteBase64String("data", ToLittleEndian(value.Entries));
        writer.WriteEndObject();
    }

    private static JsonException BothEncodings() =>
        new("A matrix carries its entries once: either \"data\" (base64) or \"entries\" (numbers), not both.");

    private static uint[] ReadNumbers(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("\"entries\" is an array of u32 numbers.");
        }

        var values = new List<uint>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetUInt32());
        }

        return [.. values];
    }

    private static uint[] FromLittleEndian(byte[] bytes)
    {
        if (bytes.Length % sizeof(uint) != 0)
        {
            throw new JsonException($"\"data\" decodes to {bytes.Length} bytes, not a whole number of u32s.");
        }

        var entries = new uint[bytes.Length / sizeof(uint)];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        }

        return entries;
    }

    private static byte[] ToLittleEndian(ReadOnlySpan<uint> entries)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(entries).ToArray();
        }

        var bytes = new byte[entries.Length * sizeof(uint)];
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), entries[i]);
        }

        return bytes;
    }
}
