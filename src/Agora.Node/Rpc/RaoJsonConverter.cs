using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Primitives;

namespace Agora.Node.Rpc;

/// <summary>Rao amounts as JSON integers (never strings, never TAO decimals).</summary>
internal sealed class RaoJsonConverter : JsonConverter<Rao>
{
    public override Rao Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value)
            ? new Rao(value)
            : throw new JsonException("an amount must be a non-negative integer number of rao");

    public override void Write(Utf8JsonWriter writer, Rao value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
