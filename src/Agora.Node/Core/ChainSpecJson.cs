using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Runtime;
using Agora.Runtime.Genesis;

namespace Agora.Node.Core;

/// <summary>
/// The JSON form of a chain spec (snake_case, rao as integers, accounts as SS58), stored with the chain
/// so a node reopens it without being told again, and loadable with <c>--chain FILE</c>.
/// </summary>
public static class ChainSpecJson
{
    /// <summary>Writes <paramref name="spec"/> as JSON.</summary>
    public static string Write(ChainSpec spec)
    {
        var p = spec.Parameters;
        var json = new JsonObject
        {
            ["name"] = spec.Name,
            ["id"] = spec.Id,
            ["development"] = spec.IsDevelopment,
            ["block_time_ms"] = spec.BlockTimeMs,
            ["genesis"] = new JsonObject
            {
                ["timestamp_ms"] = spec.GenesisTimestampMs,
                ["authority"] = Ss58.Encode(spec.Authority),
                ["sudo"] = spec.Sudo is { } sudo ? Ss58.Encode(sudo) : null,
                ["balances"] = new JsonArray(spec.Balances
                    .Select(b => (JsonNode)new JsonObject { ["account"] = Ss58.Encode(b.Account), ["free"] = b.Free.Value }).ToArray()),
            },
            ["parameters"] = new JsonObject
            {
                ["supply_cap"] = p.SupplyCap.Value,
                ["block_emission_start"] = p.BlockEmissionStart.Value,
                ["fee_base"] = p.FeeBase.Value,
                ["fee_per_byte"] = p.FeePerByte.Value,
                ["transaction_bytes_max"] = p.TransactionBytesMax,
                ["block_transaction_count_max"] = p.BlockTransactionCountMax,
                ["block_transaction_bytes_max"] = p.BlockTransactionBytesMax,
                ["mortality_blocks_max"] = p.MortalityBlocksMax,
                ["mortality_blocks_default"] = p.MortalityBlocksDefault,
            },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a chain spec, naming the field that is missing or wrong.</summary>
    public static ChainSpec Read(string text)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(text) ?? throw new FormatException("chain spec: the document is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException($"chain spec: not valid JSON ({e.Message})", e);
        }

        var genesis = Required(root, "genesis");
        var parameters = root["parameters"];
        var defaults = new ChainParameters();
        var chainParameters = new ChainParameters
        {
            SupplyCap = new Rao(Optional(parameters, "supply_cap", defaults.SupplyCap.Value)),
            BlockEmissionStart = new Rao(Optional(parameters, "block_emission_start", defaults.BlockEmissionStart.Value)),
            FeeBase = new Rao(Optional(parameters, "fee_base", defaults.FeeBase.Value)),
            FeePerByte = new Rao(Optional(parameters, "fee_per_byte", defaults.FeePerByte.Value)),
            TransactionBytesMax = (int)Optional(parameters, "transaction_bytes_max", (ulong)defaults.TransactionBytesMax),
            BlockTransactionCountMax = (int)Optional(parameters, "block_transaction_count_max", (ulong)defaults.BlockTransactionCountMax),
            BlockTransactionBytesMax = (int)Optional(parameters, "block_transaction_bytes_max", (ulong)defaults.BlockTransactionBytesMax),
            MortalityBlocksMax = (uint)Optional(parameters, "mortality_blocks_max", defaults.MortalityBlocksMax),
            MortalityBlocksDefault = (uint)Optional(parameters, "mortality_blocks_default", defaults.MortalityBlocksDefault),
        };
        var balances = Required(genesis, "balances").AsArray().Select((entry, i) => new GenesisBalance(
            Account(Required(entry!, "account"), $"genesis.balances[{i}].account"),
            new Rao(Required(entry!, "free").GetValue<ulong>()))).ToArray();
        var sudo = genesis["sudo"];
        return new ChainSpec(
            Name: Required(root, "name").GetValue<string>(),
            Id: Required(root, "id").GetValue<string>(),
            IsDevelopment: root["development"]?.GetValue<bool>() ?? false,
            BlockTimeMs: Required(root, "block_time_ms").GetValue<ulong>(),
            GenesisTimestampMs: genesis["timestamp_ms"]?.GetValue<ulong>() ?? 0,
            Authority: Account(Required(genesis, "authority"), "genesis.authority"),
            Sudo: sudo is null ? null : Account(sudo, "genesis.sudo"),
            Balances: balances,
            Parameters: chainParameters);
    }

    private static JsonNode Required(JsonNode node, string field) =>
        node[field] ?? throw new FormatException($"chain spec: '{field}' is missing");

    private static ulong Optional(JsonNode? node, string field, ulong fallback) =>
        node?[field]?.GetValue<ulong>() ?? fallback;

    private static AccountId Account(JsonNode node, string field) =>
        Ss58.TryDecode(node.GetValue<string>(), out var account, out var error)
            ? account
            : throw new FormatException($"chain spec: {field}: {error}");
}
