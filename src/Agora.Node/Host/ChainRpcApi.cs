using System.Text.Json;
using System.Text.Json.Nodes;
using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;
using Agora.Node.Rpc;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.State;

namespace Agora.Node.Host;

/// <summary>
/// The chain's JSON-RPC methods (spec/interfaces.md) over a <see cref="NodeCore"/>, and the subscriptions
/// it feeds from committed blocks.
/// </summary>
public sealed class ChainRpcApi
{
    /// <summary>Notification method of new-head subscriptions.</summary>
    public const string NewHeadNotification = "chain_newHead";

    /// <summary>Notification method of event subscriptions.</summary>
    public const string EventsNotification = "agora_events";

    private readonly NodeCore _node;

    private ChainRpcApi(NodeCore node) => _node = node;

    /// <summary>
    /// Registers every method and topic, and publishes each committed block to subscribers. The block loop only
    /// posts the committed block to the hub's publisher task (<see cref="SubscriptionHub.Post"/>), where the JSON
    /// is built and queued, so that no subscriber can slow or stop block production.
    /// </summary>
    public static void Register(NodeCore node, RpcMethods methods, SubscriptionHub hub)
    {
        var api = new ChainRpcApi(node);
        methods.Register("system_health", _ => new JsonObject { ["peers"] = 0, ["is_syncing"] = false, ["best_block"] = node.Best.Number });
        methods.Register("system_chain", _ => node.Chain.Spec.Name);
        methods.Register("system_properties", _ => new JsonObject { ["token_symbol"] = "TAO", ["token_decimals"] = Rao.TaoDecimals, ["ss58_format"] = Ss58.Prefix });
        methods.Register("system_version", _ => typeof(ChainRpcApi).Assembly.GetName().Version?.ToString() ?? "0");
        methods.Register("chain_getHeader", api.GetHeader);
        methods.Register("chain_getBlockHash", api.GetBlockHash);
        methods.Register("chain_getBlock", api.GetBlock);
        methods.MarkHeavy("chain_getBlock", parameters => !AsksForHashesOnly(parameters));
        methods.Register("chain_getFinalizedHead", _ => node.Best.Hash.ToString());
        methods.Register<PreparedTransaction>("author_submitTransaction", api.PrepareSubmission, api.SubmitTransaction);
        methods.Register("author_pendingTransactionCount", _ => node.PendingCount);
        methods.Register("state_getAccount", api.GetAccount);
        methods.Register("payment_queryFee", api.QueryFee);
        methods.Register("agora_getIssuance", api.GetIssuance);
        EconomyRpcApi.Register(node, methods);
        Neurons.NeuronRpcApi.Register(node, methods);

        hub.RegisterTopic("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", NewHeadNotification);
        hub.RegisterTopic("agora_subscribeEvents", "agora_unsubscribeEvents", EventsNotification);
        node.BlockCommitted += committed =>
        {
            hub.Post(NewHeadNotification, () => ChainJson.Header(committed.Block.Header));
            hub.Post(EventsNotification, () => new JsonObject
            {
                ["block"] = committed.Block.Header.Number,
                ["hash"] = committed.Block.Header.Hash.ToString(),
                ["events"] = ChainJson.Events(committed.Events),
            });
        };
    }

    private JsonObject? GetHeader(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var hash = OptionalHash(parameters, 0, "hash");
        return _node.Read(chain => hash is null ? chain.Best : chain.GetBlock(hash.Value)?.Header) is { } header
            ? ChainJson.Header(header)
            : null;
    }

    private string? GetBlockHash(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var number = parameters.GetOptionalUInt64(0, "number");
        return _node.Read(chain => number is null ? chain.Best.Hash : chain.GetBlockHash(number.Value))?.ToString();
    }

    // [hash?, transactions?]: "full" (default, spec/interfaces.md) or "hashes" (header and transaction hashes only).
    private JsonObject? GetBlock(RpcParams parameters)
    {
        parameters.Expect("hash", "transactions");
        var hash = OptionalHash(parameters, 0, "hash");
        var hashesOnly = parameters.GetOptionalString(1, "transactions") switch
        {
            null or "full" => false,
            "hashes" => true,
            var other => throw RpcException.InvalidParams(
                $"chain_getBlock: parameter 1 (transactions) must be \"full\" (decoded transactions and events) or \"hashes\" (transaction hashes only), got \"{RpcText.Shown(other)}\""),
        };
        // Only the reads hold the node's gate; rendering a large block as JSON happens outside it, so that a reader
        // cannot hold block production up for as long as its answer takes to build.
        var (block, events, chainParameters) = _node.Read(chain =>
        {
            var blockHash = hash ?? chain.Best.Hash;
            var found = chain.GetBlock(blockHash);
            return (found, found is null || hashesOnly ? null : chain.GetEvents(blockHash), chain.Parameters);
        });
        return block switch
        {
            null => null,
            _ when hashesOnly => ChainJson.BlockHashes(block),
            _ => ChainJson.Block(block, events!, chainParameters),
        };
    }

    // The light form's answer is small (a header and hashes), so it does not wait for a heavy slot.
    private static bool AsksForHashesOnly(JsonElement parameters) => parameters.ValueKind switch
    {
        JsonValueKind.Array => parameters.GetArrayLength() > 1 && IsHashes(parameters[1]),
        JsonValueKind.Object => parameters.TryGetProperty("transactions", out var form) && IsHashes(form),
        _ => false,
    };

    private static bool IsHashes(JsonElement form) => form.ValueKind == JsonValueKind.String && form.ValueEquals("hashes");

    // Decoding and the signature check; in a batch this runs for all submissions in parallel (see RpcMethods).
    private PreparedTransaction PrepareSubmission(RpcParams parameters)
    {
        parameters.Expect("transaction");
        return _node.Prepare(Hex(parameters.GetString(0, "transaction"), "transaction"));
    }

    private string SubmitTransaction(RpcParams parameters, PreparedTransaction prepared)
    {
        var result = _node.Admit(prepared);
        if (result.Rejection is { } rejection)
        {
            throw Rejected(rejection);
        }

        return result.Hash!.Value.ToString();
    }

    private JsonObject GetAccount(RpcParams parameters)
    {
        parameters.Expect("account");
        var address = parameters.GetString(0, "account");
        if (address.Length > RpcText.ShownInputCharsMax)
        {
            // An SS58 address has 47 or 48 characters; never echo a long one back.
            throw RpcException.InvalidParams($"invalid address '{RpcText.Shown(address)}': {address.Length} characters, an SS58 account address has 47 or 48");
        }

        if (!Ss58.TryDecode(address, out var account, out var error))
        {
            throw RpcException.InvalidParams(error);
        }

        var info = _node.GetAccount(account);
        return new JsonObject
        {
            ["free"] = info.Free.Value,
            ["staked"] = info.Staked.Value,
            ["reserved"] = info.Reserved.Value,
            ["nonce"] = info.Nonce,
        };
    }

    private JsonObject QueryFee(RpcParams parameters)
    {
        parameters.ExpectCountMax(1);
        var bytes = Hex(parameters.GetString(0, "transaction"), "transaction");
        try
        {
            var transaction = SignedTransaction.Decode(bytes, _node.Chain.Parameters.TransactionBytesMax);
            return new JsonObject { ["fee"] = _node.QueryFee(transaction).Value };
        }
        catch (CodecException e)
        {
            throw RpcException.InvalidParams($"transaction: {e.Message}");
        }
    }

    private JsonObject GetIssuance(RpcParams parameters)
    {
        parameters.ExpectCountMax(0);
        return _node.Read(chain =>
        {
            var state = new StateOverlay(chain.State);
            var issuance = new Rao(state.GetU64(StateKeys.TotalIssuance));
            return new JsonObject
            {
                ["block"] = chain.Best.Number,
                ["total_issuance"] = issuance.Value,
                ["pending_emission"] = state.GetU64(StateKeys.PendingEmission),
                ["supply_cap"] = chain.Parameters.SupplyCap.Value,
                ["block_emission"] = EmissionSchedule.BlockEmission(issuance, chain.Parameters).Value,
                ["next_halving_at"] = EmissionSchedule.NextHalvingAt(issuance, chain.Parameters.SupplyCap)?.Value,
            };
        });
    }

    // data: reason and code, and for a call the runtime refused, its module and error (snake_case).
    private static RpcException Rejected(TxRejection rejection)
    {
        var data = new JsonObject { ["reason"] = rejection.Error.ToString(), ["code"] = (int)rejection.Error };
        if (rejection.CallError is { } error)
        {
            data["module"] = SnakeCase.Of(error.Module.ToString());
            data["error"] = error.Name;
            data["error_code"] = error.Code;
        }

        return new RpcException(RpcErrorCodes.TransactionRejected, $"transaction rejected: {rejection.Message}", data);
    }

    private static Hash256? OptionalHash(RpcParams parameters, int index, string name)
    {
        var text = parameters.GetOptionalString(index, name);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Hash256.Parse(text);
        }
        catch (FormatException e)
        {
            throw RpcException.InvalidParams($"{name}: {e.Message}");
        }
    }

    private static byte[] Hex(string text, string name)
    {
        try
        {
            return HexFormat.Decode(text, name);
        }
        catch (FormatException e)
        {
            throw RpcException.InvalidParams(e.Message);
        }
    }
}
