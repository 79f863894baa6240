using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Core.Json;

/// <summary>Accounts as SS58 address strings.</summary>
public sealed class AccountIdJsonConverter : JsonConverter<AccountId>
{
    /// <inheritdoc />
    public override AccountId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("an account must be an SS58 address string");
        }

        return Ss58.TryDecode(reader.GetString()!, out var account, out var error)
            ? account
            : throw new JsonException(error);
    }

    /// <inheritdoc />

    public override void Write(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Ss58.Encode(value));
}
