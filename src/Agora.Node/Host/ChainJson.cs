using System.Text.Json.Nodes;
using Agora.Core.Primitives;
using Agora.Runtime;
using Agora.Runtime.Blocks;
using Agora.Runtime.Events;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Transactions;

namespace Agora.Node.Host;

/// <summary>
/// The JSON views of chain data served over RPC (spec/interfaces.md): snake_case keys, rao and block
/// numbers as integers, hashes as 0x-hex, accounts as SS58.
/// </summary>
public static class ChainJson
{
    /// <summary>A header.</summary>
    public static JsonObject Header(BlockHeader header) => new()
    {
        ["number"] = header.Number,
        ["hash"] = header.Hash.ToString(),
        ["parent_hash"] = header.ParentHash.ToString(),
        ["state_root"] = header.StateRoot.ToString(),
        ["extrinsics_root"] = header.ExtrinsicsRoot.ToString(),
        ["timestamp"] = header.TimestampMs,
        ["runtime_version"] = header.RuntimeVersion,
        ["author"] = header.Author.ToString(),
        ["seal"] = HexFormat.Encode(header.Seal),
    };

    /// <summary>A block with decoded transactions and its events.</summary>
    public static JsonObject Block(Block block, IReadOnlyList<EventRecord> events, ChainParameters parameters) => new()
    {
        ["header"] = Header(block.Header),
        ["transactions"] = new JsonArray(block.Transactions.Select(t => (JsonNode)Transaction(t, parameters)).ToArray()),
        ["events"] = Events(events),
    };

    /// <summary>A transaction, as hex and decoded.</summary>
    public static JsonObject Transaction(SignedTransaction transaction, ChainParameters parameters) => new()
    {
        ["hash"] = transaction.Hash.ToString(),
        ["hex"] = HexFormat.Encode(transaction.Encoded),
        ["sender"] = transaction.Sender.ToString(),
        ["nonce"] = transaction.Body.Nonce,
        ["era"] = new JsonObject { ["birth"] = transaction.Body.Era.BirthBlock, ["period"] = transaction.Body.Era.PeriodBlocks },
        ["tip"] = transaction.Body.Tip.Value,
        ["fee"] = Fees.Compute(transaction, parameters).Value,
        ["call"] = Call(transaction.Body.Call),
    };

    /// <summary>A call with its arguments.</summary>
    public static JsonObject Call(Call call) => call switch
    {
        TransferCall transfer => new JsonObject
        {
            ["name"] = "transfer",
            ["dest"] = transfer.Destination.ToString(),
            ["amount"] = transfer.Amount.Value,
        },
        _ => new JsonObject { ["name"] = call.Tag.ToString() },
    };

    /// <summary>A block's events.</summary>
    public static JsonArray Events(IReadOnlyList<EventRecord> events) =>
        new(events.Select(e => (JsonNode)Event(e)).ToArray());

    /// <summary>One event with its phase.</summary>
    public static JsonObject Event(EventRecord record)
    {
        var json = new JsonObject
        {
            ["phase"] = record.TransactionIndex is null ? "block" : "transaction",
            ["transaction_index"] = record.TransactionIndex,
        };
        switch (record.Event)
        {
            case EmissionMinted minted:
                json["name"] = "emission_minted";
                json["amount"] = minted.Amount.Value;
                json["total_issuance"] = minted.TotalIssuance.Value;
                break;
            case TransactionFeePaid fee:
                json["name"] = "transaction_fee_paid";
                json["who"] = fee.Who.ToString();
                json["fee"] = fee.Fee.Value;
                json["tip"] = fee.Tip.Value;
                break;
            case Transferred transfer:
                json["name"] = "transferred";
                json["from"] = transfer.From.ToString();
                json["to"] = transfer.To.ToString();
                json["amount"] = transfer.Amount.Value;
                break;
            default:
                json["name"] = record.Event.Tag.ToString();
                break;
        }

        return json;
    }
}
