using System.Text.Json.Nodes;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Rpc;
using Agora.Protocol.Subnets;
using Agora.Runtime;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Subnets;
using Agora.Storage;

namespace Agora.Node.Host;

/// <summary>
/// The economy's read methods (spec/interfaces.md, "The economy"): subnets, hyperparameters, stake, hotkeys and
/// delegates, the senate, proposals and the lock cost. Each reads the best state once, under the node's gate.
/// </summary>
internal sealed partial class EconomyRpcApi
{
    private readonly NodeCore _node;

    private EconomyRpcApi(NodeCore node) => _node = node;

    /// <summary>Registers every economy method on <paramref name="methods"/>.</summary>
    public static void Register(NodeCore node, RpcMethods methods)
    {
        var api = new EconomyRpcApi(node);
        methods.Register("agora_getSubnets", api.GetSubnets);
        methods.Register("agora_getSubnet", api.GetSubnet);
        methods.Register("agora_getHyperparameters", api.GetHyperparameters);
        methods.Register("agora_getLockCost", api.GetLockCost);
        methods.Register("agora_getStake", api.GetStake);
        methods.Register("agora_getHotkey", api.GetHotkey);
        methods.Register("agora_getDelegates", api.GetDelegates);
        methods.Register("agora_getSenate", api.GetSenate);
        methods.Register("agora_getProposals", api.GetProposals);
    }

    private JsonArray GetSubnets(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return Read((state, best, _) =>
        {
            var emaTotal = EmaTotal(state);
            return new JsonArray(SubnetState.Netuids(state).Select(netuid => (JsonNode)Subnet(state, netuid, best, emaTotal)).ToArray());
        });
    }

    private JsonObject GetSubnet(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var netuid = Netuid(parameters);
        return Read((state, best, _) =>
        {
            if (!SubnetState.Exists(state, netuid))
            {
                throw UnknownSubnet(netuid);
            }

            var json = Subnet(state, netuid, best, EmaTotal(state));
            var info = SubnetState.Info(state, netuid)!;
            json["description"] = info.Description;
            json["hyperparameters"] = SubnetState.HyperparametersOf(state, netuid) is { } values ? HyperparameterValues(values) : null;
            return json;
        });
    }

    private JsonObject GetHyperparameters(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var netuid = Netuid(parameters);
        return Read((state, _, _) =>
        {
            if (!SubnetState.Exists(state, netuid))
            {
                throw UnknownSubnet(netuid);
            }

            return SubnetState.HyperparametersOf(state, netuid) is { } values
                ? HyperparameterValues(values)
                : throw RpcException.InvalidParams($"netuid {netuid} is the root subnet, which has no hyperparameters; pass a netuid of 1 or more");
        });
    }

    // The cost a proposal pays when the next block includes it.
    private JsonObject GetLockCost(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return Read((state, best, chainParameters) => new JsonObject
        {
            ["lock_cost"] = SubnetState.Lock(state).CostAt(best + 1, chainParameters).Value,
            ["block"] = best + 1,
        });
    }

    /// <summary>One subnet as <c>agora_getSubnets</c> lists it (root: tempo, blocks_since_epoch and max_neurons null).</summary>
    private static JsonObject Subnet(IStateReader state, ushort netuid, ulong best, UInt128 emaTotal)
    {
        var info = SubnetState.Info(state, netuid)!;
        var economy = SubnetState.Economy(state, netuid);
        var values = SubnetState.HyperparametersOf(state, netuid);
        var isRoot = netuid == SubnetState.RootNetuid;
        var share = isRoot || emaTotal == 0 ? 0m : Math.Round((decimal)economy.EmaStake.Value / (decimal)emaTotal, 9);
        return new JsonObject
        {
            ["netuid"] = netuid,
            ["name"] = info.Name,
            ["owner"] = info.Owner.ToString(),
            ["owner_hotkey"] = info.OwnerHotkey.ToString(),
            ["emission_share"] = share,
            ["total_stake"] = economy.TotalStake.Value,
            ["ema_stake"] = economy.EmaStake.Value,
            ["net_flow"] = (long)economy.TotalStake.Value - (long)economy.EmaStake.Value,
            ["pending_emission"] = economy.PendingEmission.Value,
            ["lock"] = info.Lock.Value,
            ["registered_at"] = info.RegisteredAt,
            ["tempo"] = values?.Tempo,
            ["blocks_since_epoch"] = values is null ? null : BlocksSinceEpoch(best, netuid, values.Tempo),
            ["neurons"] = isRoot ? 0 : NeuronState.Count(state, netuid),
            ["max_neurons"] = values?.MaxAllowedUids,
        };
    }

    /// <summary>
    /// Blocks since the subnet's last epoch block at or before <paramref name="best"/> (DESIGN §4a: an epoch runs in
    /// block b when (b + netuid + 1) % (tempo + 1) == 0), so 0 in an epoch block.
    /// </summary>
    internal static ulong BlocksSinceEpoch(ulong best, ushort netuid, ulong tempo) => (ulong)(((UInt128)best + netuid + 1) % ((UInt128)tempo + 1));

    private static JsonObject HyperparameterValues(SubnetHyperparameters values)
    {
        var json = new JsonObject();
        foreach (var definition in Hyperparameters.Definitions)
        {
            json[definition.Name] = ChainJson.Value(definition.Render(values[definition.Id]));
        }

        return json;
    }

    // Σ stake EMA over the subnets that take emission (netuid ≥ 1).
    private static UInt128 EmaTotal(IStateReader state) =>
        SubnetState.Economies(state).Where(e => e.Netuid != SubnetState.RootNetuid).Aggregate(UInt128.Zero, (sum, e) => sum + e.Economy.EmaStake.Value);

    private T Read<T>(Func<IStateReader, ulong, ChainParameters, T> read) =>
        _node.Read(chain => read(chain.State, chain.Best.Number, chain.Parameters));

    /// <summary>Parameter 0 as a netuid, or an invalid-params error naming the range (shared with the neuron reads).</summary>
    internal static ushort Netuid(RpcParams parameters)
    {
        var value = parameters.GetUInt64(0, "netuid");
        return value <= ushort.MaxValue
            ? (ushort)value
            : throw RpcException.InvalidParams($"netuid: {value} is not a netuid; netuids are 0–{ushort.MaxValue} (see agora_getSubnets)");
    }

    private static AccountId Account(RpcParams parameters, string name)
    {
        var text = parameters.GetString(0, name);
        return Ss58.TryDecode(text, out var account, out var error) ? account : throw RpcException.InvalidParams($"{name}: {error}");
    }

    private static RpcException UnknownSubnet(ushort netuid) =>
        RpcException.InvalidParams($"netuid: no subnet has netuid {netuid}; agora_getSubnets lists them");
}
