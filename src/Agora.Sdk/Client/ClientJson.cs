using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agora.Sdk.Client;

/// <summary>
/// The node's JSON conventions (spec/interfaces.md): snake_case keys, u64 as integers, hashes and bytes as
/// 0x-hex, accounts as SS58, rao as integers, enums as snake_case strings. Unknown fields are ignored so
/// that a newer node can add fields.
/// </summary>
public static class ClientJson
{
    /// <summary>Options for params and results. Read-only; share freely.</summary>
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
