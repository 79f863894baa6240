using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Primitives;

namespace Agora.Core.Json;

/// <summary>Rao amounts as JSON integers (never strings, never TAO decimals).</summary>
public sealed class RaoJsonConverter : JsonConverter<Rao>
{
    /// <inheritdoc />
    public override Rao Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value)
            ? new Rao(value)
            : throw new JsonException("an amount must be a non-negative integer number of rao");

    /// <inheritdoc />

    public override void Write(Utf8JsonWriter writer, Rao value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
