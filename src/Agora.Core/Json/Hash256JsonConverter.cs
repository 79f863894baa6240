using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Primitives;

namespace Agora.Core.Json;

/// <summary>Hashes as <c>0x</c> + 64 lowercase hex digits.</summary>
public sealed class Hash256JsonConverter : JsonConverter<Hash256>
{
    /// <inheritdoc />
    public override Hash256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a hash must be a string: 0x followed by 64 hex digits");
        }

        try
        {
            return Hash256.Parse(reader.GetString()!);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />

    public override void Write(Utf8JsonWriter writer, Hash256 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
