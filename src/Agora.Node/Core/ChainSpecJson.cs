using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Runtime;
using Agora.Runtime.Genesis;
using Agora.Runtime.Modules.Subnets;

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
                ["subnets"] = new JsonArray(spec.Subnets.Select(sn => (JsonNode)GenesisSubnetJson(sn)).ToArray()),
                ["stakes"] = new JsonArray(spec.Stakes.Select(st => (JsonNode)new JsonObject
                {
                    ["coldkey"] = Ss58.Encode(st.Coldkey),
                    ["hotkey"] = Ss58.Encode(st.Hotkey),
                    ["netuid"] = st.Netuid,
                    ["amount"] = st.Amount.Value,
                }).ToArray()),
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
                ["stake_ema_k"] = p.StakeEmaK,
                ["subnet_lock_min"] = p.SubnetLockMin.Value,
                ["subnet_lock_decay_blocks"] = p.SubnetLockDecayBlocks,
                ["subnet_launch_rate_limit_blocks"] = p.SubnetLaunchRateLimitBlocks,
                ["proposal_voting_window_blocks"] = p.ProposalVotingWindowBlocks,
                ["max_subnets"] = p.SubnetCountMax,
                ["subnet_immunity_blocks"] = p.SubnetImmunityBlocks,
                ["senate_size"] = p.SenateSize,
                ["senate_stake_min"] = p.SenateStakeMin.Value,
                ["stake_min"] = p.StakeMin.Value,
                ["take_max"] = p.TakeMax,
                ["take_change_rate_limit_blocks"] = p.TakeChangeRateLimitBlocks,
                ["registration_burn_start"] = p.RegistrationBurnStart.Value,
                ["swap_hotkey_burn"] = p.SwapHotkeyBurn.Value,
                ["allows_loopback_axons"] = p.AllowsLoopbackAxons,
                ["subnet_defaults"] = SubnetDefaults(p.SubnetDefaults),
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
        var defaults = root["development"]?.GetValue<bool>() == true ? ChainParameters.Development : new ChainParameters();
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
            StakeEmaK = Optional(parameters, "stake_ema_k", defaults.StakeEmaK),
            SubnetLockMin = new Rao(Optional(parameters, "subnet_lock_min", defaults.SubnetLockMin.Value)),
            SubnetLockDecayBlocks = Optional(parameters, "subnet_lock_decay_blocks", defaults.SubnetLockDecayBlocks),
            SubnetLaunchRateLimitBlocks = Optional(parameters, "subnet_launch_rate_limit_blocks", defaults.SubnetLaunchRateLimitBlocks),
            ProposalVotingWindowBlocks = Optional(parameters, "proposal_voting_window_blocks", defaults.ProposalVotingWindowBlocks),
            SubnetCountMax = (int)Optional(parameters, "max_subnets", (ulong)defaults.SubnetCountMax),
            SubnetImmunityBlocks = Optional(parameters, "subnet_immunity_blocks", defaults.SubnetImmunityBlocks),
            SenateSize = (int)Optional(parameters, "senate_size", (ulong)defaults.SenateSize),
            SenateStakeMin = new Rao(Optional(parameters, "senate_stake_min", defaults.SenateStakeMin.Value)),
            StakeMin = new Rao(Optional(parameters, "stake_min", defaults.StakeMin.Value)),
            TakeMax = (ushort)Optional(parameters, "take_max", defaults.TakeMax),
            TakeChangeRateLimitBlocks = Optional(parameters, "take_change_rate_limit_blocks", defaults.TakeChangeRateLimitBlocks),
            RegistrationBurnStart = new Rao(Optional(parameters, "registration_burn_start", defaults.RegistrationBurnStart.Value)),
            SwapHotkeyBurn = new Rao(Optional(parameters, "swap_hotkey_burn", defaults.SwapHotkeyBurn.Value)),
            AllowsLoopbackAxons = parameters?["allows_loopback_axons"]?.GetValue<bool>() ?? defaults.AllowsLoopbackAxons,
            SubnetDefaults = ReadSubnetDefaults(parameters?["subnet_defaults"], defaults.SubnetDefaults),
        };
        var balances = Required(genesis, "balances").AsArray().Select((entry, i) => new GenesisBalance(
            Account(Required(entry!, "account"), $"genesis.balances[{i}].account"),
            new Rao(Required(entry!, "free").GetValue<ulong>()))).ToArray();
        var subnets = (genesis["subnets"]?.AsArray() ?? []).Select((entry, i) => new GenesisSubnet(
            Required(entry!, "name").GetValue<string>(),
            Account(Required(entry!, "owner"), $"genesis.subnets[{i}].owner"),
            Account(Required(entry!, "owner_hotkey"), $"genesis.subnets[{i}].owner_hotkey"))
        {
            Hyperparameters = entry!["hyperparameters"] is { } overrides
                ? ReadOverrides(overrides, chainParameters.SubnetDefaults, $"genesis.subnets[{i}].hyperparameters")
                : null,
            Neurons = (entry["neurons"]?.AsArray() ?? []).Select((neuron, j) => new GenesisNeuron(
                Account(Required(neuron!, "hotkey"), $"genesis.subnets[{i}].neurons[{j}].hotkey"),
                Account(Required(neuron!, "coldkey"), $"genesis.subnets[{i}].neurons[{j}].coldkey"),
                new Rao(neuron!["stake"]?.GetValue<ulong>() ?? 0))).ToArray(),
        }).ToArray();
        var stakes = (genesis["stakes"]?.AsArray() ?? []).Select((entry, i) => new GenesisStake(
            Account(Required(entry!, "coldkey"), $"genesis.stakes[{i}].coldkey"),
            Account(Required(entry!, "hotkey"), $"genesis.stakes[{i}].hotkey"),
            Required(entry!, "netuid").GetValue<ushort>(),
            new Rao(Required(entry!, "amount").GetValue<ulong>()))).ToArray();
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
            Parameters: chainParameters)
        {
            Subnets = subnets,
            Stakes = stakes,
        };
    }

    private static JsonObject SubnetDefaults(SubnetHyperparameters values)
    {
        var json = new JsonObject();
        foreach (var definition in Hyperparameters.Definitions)
        {
            json[definition.Name] = values[definition.Id];
        }

        return json;
    }

    // A genesis subnet: hyperparameters and neurons only when it has them, so specs without them keep their text.
    private static JsonObject GenesisSubnetJson(GenesisSubnet subnet)
    {
        var json = new JsonObject
        {
            ["name"] = subnet.Name,
            ["owner"] = Ss58.Encode(subnet.Owner),
            ["owner_hotkey"] = Ss58.Encode(subnet.OwnerHotkey),
        };
        if (subnet.Hyperparameters is { } values)
        {
            json["hyperparameters"] = SubnetDefaults(values);
        }

        if (subnet.Neurons.Count > 0)
        {
            json["neurons"] = new JsonArray(subnet.Neurons.Select(n => (JsonNode)new JsonObject
            {
                ["hotkey"] = Ss58.Encode(n.Hotkey),
                ["coldkey"] = Ss58.Encode(n.Coldkey),
                ["stake"] = n.Stake.Value,
            }).ToArray());
        }

        return json;
    }

    private static SubnetHyperparameters ReadSubnetDefaults(JsonNode? node, SubnetHyperparameters fallback) =>
        ReadHyperparameters(node, fallback, "parameters.subnet_defaults");

    // A genesis subnet's overrides: an object of known hyperparameter names (a misspelt name would silently do nothing).
    private static SubnetHyperparameters ReadOverrides(JsonNode node, SubnetHyperparameters fallback, string field)
    {
        if (node is not JsonObject overrides)
        {
            throw new FormatException($"chain spec: {field} must be an object of hyperparameter names and values");
        }

        foreach (var name in overrides.Select(p => p.Key))
        {
            if (!Hyperparameters.Definitions.Any(d => d.Name == name))
            {
                throw new FormatException($"chain spec: {field}.{name} is not a hyperparameter; the names are those of agora_getHyperparameters");
            }
        }

        return ReadHyperparameters(node, fallback, field);
    }

    // Values named in node override fallback; each must be in its bounds and the whole set consistent.
    private static SubnetHyperparameters ReadHyperparameters(JsonNode? node, SubnetHyperparameters fallback, string field)
    {
        var values = fallback;
        foreach (var definition in Hyperparameters.Definitions)
        {
            if (node?[definition.Name] is { } value)
            {
                var number = value.GetValue<ulong>();
                values = definition.Accepts(number)
                    ? values.With(definition.Id, number)
                    : throw new FormatException($"chain spec: {field}.{definition.Name} = {number} is outside {definition.BoundsText}");
            }
        }

        return HyperparameterConsistency.Check(values) is { } inconsistent ? throw new FormatException($"chain spec: {field}: {inconsistent}") : values;
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
