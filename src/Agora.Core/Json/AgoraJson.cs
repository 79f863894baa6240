using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Core.Json;

/// <summary>
/// The JSON conventions of the node's RPC and its clients (spec/interfaces.md): snake_case keys, u64 as JSON
/// integers, hashes and bytes as 0x-hex, accounts as SS58, rao as integers, enums as snake_case strings.
/// Unknown fields are ignored when reading, so that a newer node can add fields.
/// </summary>
public static class AgoraJson
{
    /// <summary>Options for results, params and subscription payloads. Read-only; share freely.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters =
            {
                new Hash256JsonConverter(),
                new AccountIdJsonConverter(),
                new RaoJsonConverter(),
                new HexBytesJsonConverter(),
                new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
            },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
