using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Agora.Node.Core;
using Agora.Node.Rpc;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Storage;

namespace Agora.Node.Host.Neurons;

/// <summary>
/// The neuron read methods (spec/interfaces.md, "The economy"): metagraph, one neuron, weights, bonds, pending
/// commits and the registration burn. The metagraph, weights and bonds are heavy (one lookup per uid and field, up to
/// 4,096 uids) and take an optional block, read through <see cref="ReadAt{T}"/>.
/// </summary>
internal sealed class NeuronRpcApi
{
    private readonly NodeCore _node;

    private NeuronRpcApi(NodeCore node) => _node = node;

    /// <summary>Registers every neuron method on <paramref name="methods"/>.</summary>
    public static void Register(NodeCore node, RpcMethods methods)
    {
        var api = new NeuronRpcApi(node);
        methods.Register("agora_getMetagraph", api.GetMetagraph);
        methods.Register("agora_getNeuron", api.GetNeuron);
        methods.Register("agora_getWeights", api.GetWeights);
        methods.Register("agora_getBonds", api.GetBonds);
        methods.Register("agora_getCommits", api.GetCommits);
        methods.Register("agora_getBurn", api.GetBurn);
        methods.Register("agora_getDeregistrations", api.GetDeregistrations);
        methods.MarkHeavy("agora_getMetagraph");
        methods.MarkHeavy("agora_getWeights");
        methods.MarkHeavy("agora_getBonds");
    }

    private Utf8JsonResult GetMetagraph(RpcParams parameters)
    {
        parameters.Expect("netuid", "block");
        var netuid = Netuid(parameters);
        var metagraph = ReadAt(parameters.GetOptionalUInt64(1, "block"), (state, block) =>
        {
            CheckSubnet(state, netuid);
            return NeuronReads.Metagraph(state, netuid, block);
        });
        return Utf8JsonResult.Write(writer => NeuronJson.WriteMetagraph(writer, metagraph), 64 + (metagraph.Neurons.Length * NeuronJsonBytesHint));
    }

    private Utf8JsonResult GetNeuron(RpcParams parameters)
    {
        parameters.Expect("netuid", "uid");
        var netuid = Netuid(parameters);
        var uidValue = parameters.GetUInt64(1, "uid");
        var (neuron, weights) = ReadAt(null, (state, block) =>
        {
            CheckSubnet(state, netuid);
            var count = NeuronState.Count(state, netuid);
            var activityCutoff = NeuronReads.Hyperparameters(state, netuid)[HyperparameterId.ActivityCutoff];
            var uid = uidValue < count ? (ushort)uidValue : throw UidOutOfRange(netuid, uidValue, count);
            var neuron = NeuronReads.Neuron(state, netuid, uid, block, activityCutoff) ?? throw UidOutOfRange(netuid, uidValue, count);
            return (neuron, WeightsState.Row(state, netuid, uid));
        });
        return Utf8JsonResult.Write(writer => NeuronJson.WriteNeuron(writer, neuron, weights), NeuronJsonBytesHint + (weights.Entries.Length * 16));
    }

    private Utf8JsonResult GetWeights(RpcParams parameters) => GetRows(parameters, NeuronReads.WeightRows);

    private Utf8JsonResult GetBonds(RpcParams parameters) => GetRows(parameters, NeuronReads.BondRows);

    private Utf8JsonResult GetRows(RpcParams parameters, Func<IStateLookup, ushort, System.Collections.Immutable.ImmutableArray<(ushort Uid, SparseU16Row Row)>> read)
    {
        parameters.Expect("netuid", "block");
        var netuid = Netuid(parameters);
        var (block, rows) = ReadAt(parameters.GetOptionalUInt64(1, "block"), (state, block) =>
        {
            CheckSubnet(state, netuid);
            return (block, read(state, netuid));
        });
        var entries = rows.Sum(r => r.Row.Entries.Length);
        return Utf8JsonResult.Write(writer => NeuronJson.WriteRows(writer, netuid, block, rows), 64 + (rows.Length * 24) + (entries * 14));
    }

    // Every pending commit on the subnet, by hotkey then age, with the blocks its reveal is accepted in.
    private JsonArray GetCommits(RpcParams parameters)
    {
        parameters.Expect("netuid");
        var netuid = Netuid(parameters);
        return _node.Read(chain =>
        {
            var state = chain.State;
            CheckSubnet(state, netuid);
            var values = NeuronReads.Hyperparameters(state, netuid);
            var period = values[HyperparameterId.CommitRevealPeriod];
            return new JsonArray(WeightsState.CommitsOn(state, netuid)
                .SelectMany(entry => entry.Commits.Commits.Select(commit => (JsonNode)new JsonObject
                {
                    ["hotkey"] = entry.Hotkey.ToString(),
                    ["hash"] = commit.Hash.ToString(),
                    ["commit_block"] = commit.CommitBlock,
                    ["first_reveal_block"] = EpochSchedule.FirstBlockOf(commit.EpochIndex + period, netuid, values.Tempo),
                    ["last_reveal_block"] = EpochSchedule.LastBlockOf(commit.EpochIndex + period, netuid, values.Tempo),
                }))
                .ToArray());
        });
    }

    private JsonObject GetBurn(RpcParams parameters)
    {
        parameters.Expect("netuid");
        var netuid = Netuid(parameters);
        return _node.Read(chain =>
        {
            CheckSubnet(chain.State, netuid);
            return new JsonObject
            {
                ["netuid"] = netuid,
                ["burn"] = NeuronState.Registration(chain.State, netuid, chain.Parameters).Burn.Value,
            };
        });
    }

    // The subnet's kept replacements (the last NeuronLimits.DeregistrationsKept), newest first, each the neuron_replaced
    // event that explained it with the block it happened in.
    private JsonArray GetDeregistrations(RpcParams parameters)
    {
        parameters.Expect("netuid");
        var netuid = Netuid(parameters);
        return _node.Read(chain =>
        {
            CheckSubnet(chain.State, netuid);
            return new JsonArray(DeregistrationHistory.Of(chain.State, netuid).Entries
                .Select(entry => (JsonNode)ChainJson.Event(entry.Replaced, entry.Block)).ToArray());
        });
    }

    /// <summary>
    /// Reads the state of <paramref name="block"/> (null: the best block): the best state under the node's gate, an
    /// older block's from its state root by point lookups, outside the gate.
    /// </summary>
    private T ReadAt<T>(ulong? block, Func<IStateLookup, ulong, T> read)
    {
        var result = _node.ReadAt(block, at => new StrongBox<T>(read(at.State, at.Header.Number)));
        return result is not null
            ? result.Value!
            : throw RpcException.InvalidParams($"block {block}'s state is not available: the best block is {_node.Best.Number}; omit block for the best state");
    }

    // Rough bytes of one rendered neuron (two SS58 accounts, six proportions, numbers), to size the buffer once.
    private const int NeuronJsonBytesHint = 560;

    private static void CheckSubnet(IStateLookup state, ushort netuid)
    {
        if (netuid == SubnetState.RootNetuid)
        {
            throw RpcException.InvalidParams("netuid: 0 is the root subnet, which has no neurons; pass a netuid of 1 or more (see agora_getSubnets)");
        }

        if (!SubnetState.Exists(state, netuid))
        {
            throw RpcException.InvalidParams($"netuid: no subnet has netuid {netuid}; agora_getSubnets lists them");
        }
    }

    private static ushort Netuid(RpcParams parameters) => EconomyRpcApi.Netuid(parameters);

    private static RpcException UidOutOfRange(ushort netuid, ulong uid, ushort count) =>
        RpcException.InvalidParams(count == 0
            ? $"uid: subnet {netuid} has no neurons yet, so uid {uid} does not exist"
            : $"uid: {uid} is out of range; subnet {netuid} has {count} neurons (uids 0–{count - 1}); agora_getMetagraph lists them");
}
