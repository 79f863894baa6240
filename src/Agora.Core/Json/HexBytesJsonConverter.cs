using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Primitives;

namespace Agora.Core.Json;

/// <summary>Byte arrays as <c>0x</c>-hex (System.Text.Json would write base64).</summary>
public sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    /// <inheritdoc />
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("bytes must be a string: 0x followed by hex digits");
        }

        try
        {
            return HexFormat.Decode(reader.GetString()!, "bytes");
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteStringValue(HexFormat.Encode(value));
}
