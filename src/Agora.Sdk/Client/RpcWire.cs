using System.Buffers;
using System.Text;
using System.Text.Json;
using Agora.Core.Json;

namespace Agora.Sdk.Client;

/// <summary>Writing requests and reading responses, shared by the HTTP and WebSocket clients.</summary>
internal static class RpcWire
{
    private const int ShownCharsMax = 200;

    public static void WriteRequest(Utf8JsonWriter writer, long id, string method, object?[]? parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, parameters ?? [], AgoraJson.Options);
        writer.WriteEndObject();
    }

    public static byte[] Request(long id, string method, object?[]? parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRequest(writer, id, method, parameters);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The result of one response object, or throws its error as <see cref="RpcException"/>.</summary>
    public static JsonElement Result(JsonElement response, string method, Uri endpoint)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new RpcProtocolException($"{method}: the node at {endpoint} sent {Shown(response)} instead of a JSON-RPC response object");
        }

        if (response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
            JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
            throw new RpcException(method, code, message, data);
        }

        return response.TryGetProperty("result", out var result)
            ? result
            : throw new RpcProtocolException($"{method}: the node at {endpoint} sent a response with neither result nor error: {Shown(response)}");
    }

    public static T Convert<T>(JsonElement result, string method)
    {
        try
        {
            return result.Deserialize<T>(AgoraJson.Options)!;
        }
        catch (JsonException e)
        {
            throw new RpcProtocolException(
                $"{method} returned {Shown(result)}, which does not read as {typeof(T).Name} ({e.Message}); are the node and the client the same version?",
                e);
        }
    }

    public static string Shown(JsonElement element) => Shorten(element.GetRawText());

    public static string Shown(ReadOnlySpan<byte> bytes) => Shorten(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, ShownCharsMax * 2)]));

    private static string Shorten(string text) => text.Length <= ShownCharsMax ? text : string.Concat(text.AsSpan(0, ShownCharsMax), "…");
}
