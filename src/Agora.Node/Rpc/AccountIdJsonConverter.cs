using System.Text.Json;
using System.Text.Json.Serialization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Node.Rpc;

/// <summary>Accounts as SS58 address strings.</summary>
internal sealed class AccountIdJsonConverter : JsonConverter<AccountId>
{
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

    public override void Write(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Ss58.Encode(value));
}
