using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Cli.Rendering;

/// <summary>The JSON of an account as interfaces.md fixes it: <c>{ "ss58_address": "...", "public_key": "0x..." }</c>.</summary>
internal static class KeyJson
{
    /// <summary>The two fields, in that order.</summary>
    public static JsonObject Of(AccountId account) => new()
    {
        ["ss58_address"] = Ss58.Encode(account),
        ["public_key"] = HexFormat.Encode(account.Bytes),
    };
}
