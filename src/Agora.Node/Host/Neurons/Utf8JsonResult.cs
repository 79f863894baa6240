using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Node.Host.Neurons;

/// <summary>
/// A method result already rendered as UTF-8 JSON, serialized as is. Large results (a 4,096-neuron metagraph) are
/// written straight into a buffer instead of building a <see cref="System.Text.Json.Nodes.JsonNode"/> tree, and the exact
/// decimal expansions of I32F32 values (up to 32 fractional digits) go out unrounded as raw numbers.
/// </summary>
[JsonConverter(typeof(Utf8JsonResultConverter))]
internal sealed class Utf8JsonResult
{
    private Utf8JsonResult(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Renders a result with <paramref name="write"/>, which writes exactly one JSON value.</summary>
    public static Utf8JsonResult Write(Action<Utf8JsonWriter> write, int capacityHint = 256)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(capacityHint);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            write(writer);
        }

        return new Utf8JsonResult(buffer.WrittenMemory);
    }

    private sealed class Utf8JsonResultConverter : JsonConverter<Utf8JsonResult>
    {
        public override Utf8JsonResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a rendered result is written, never read");

        public override void Write(Utf8JsonWriter writer, Utf8JsonResult value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
