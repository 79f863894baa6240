using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Sdk.Client;

/// <summary>One entry of a weights or bonds row, sent as <c>[uid, value]</c>.</summary>
/// <param name="Uid">The uid the weight or bond is on.</param>
/// <param name="Value">The u16 value (65535 = 1).</param>
[JsonConverter(typeof(UidValueJsonConverter))]
public readonly record struct UidValue(ushort Uid, ushort Value)
{
    private sealed class UidValueJsonConverter : JsonConverter<UidValue>
    {
        public override UidValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.TryGetUInt16(out var uid)
                || !reader.Read() || !reader.TryGetUInt16(out var value) || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("a row entry must be [uid, value], two integers 0–65535");
            }

            return new UidValue(uid, value);
        }

        public override void Write(Utf8JsonWriter writer, UidValue value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Uid);
            writer.WriteNumberValue(value.Value);
            writer.WriteEndArray();
        }
    }
}
