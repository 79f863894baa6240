using System.Text.Json.Nodes;
using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;
using Agora.Runtime;
using Agora.Runtime.Modules.Balances;

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

    /// <summary>
    /// The light form of a block (<c>chain_getBlock [hash, "hashes"]</c>): its header and its transactions' hashes,
    /// without decoded transactions or events, a small fraction of the full form's size.
    /// </summary>
    public static JsonObject BlockHashes(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new JsonObject
        {
            ["header"] = Header(block.Header),
            ["transactions"] = new JsonArray(block.Transactions.Select(t => (JsonNode)t.Hash.ToString()).ToArray()),
        };
    }

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
    public static JsonObject Call(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var json = new JsonObject { ["name"] = call.Name };
        AddFields(json, call.Arguments());
        return json;
    }

    /// <summary>A block's events.</summary>
    public static JsonArray Events(IReadOnlyList<EventRecord> events) =>
        new(events.Select(e => (JsonNode)Event(e)).ToArray());

    /// <summary>One event with its phase: <c>{phase, transaction_index, name, …fields}</c>.</summary>
    public static JsonObject Event(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new JsonObject
        {
            ["phase"] = record.TransactionIndex is null ? "block" : "transaction",
            ["transaction_index"] = record.TransactionIndex,
            ["name"] = record.Event.Name,
        };
        AddFields(json, record.Event.Fields());
        return json;
    }

    /// <summary>An event without its phase: <c>{name, …fields}</c>, with <paramref name="block"/> first when given.</summary>
    public static JsonObject Event(RuntimeEvent runtimeEvent, ulong? block = null)
    {
        ArgumentNullException.ThrowIfNull(runtimeEvent);
        var json = new JsonObject();
        if (block is { } number)
        {
            json["block"] = number;
        }

        json["name"] = runtimeEvent.Name;
        AddFields(json, runtimeEvent.Fields());
        return json;
    }

    /// <summary>A u16 proportion as a JSON number in [0, 1] (spec/interfaces.md).</summary>
    public static JsonNode Proportion(ushort value) => JsonValue.Create(Math.Round((decimal)value / ushort.MaxValue, 9));

    /// <summary>One field value in the wire's conventions.</summary>
    public static JsonNode? Value(object? value) => value switch
    {
        null => null,
        AccountId account => account.ToString(),
        Rao rao => rao.Value,
        Proportion16 proportion => Proportion(proportion.Value),
        ReadOnlyMemory<byte> bytes => HexFormat.Encode(bytes.Span),
        string text => text,
        bool flag => flag,
        byte number => number,
        ushort number => number,
        uint number => number,
        int number => number,
        ulong number => number,
        long number => number,
        EventField[] nested => Object(nested),
        _ => value.ToString(),
    };

    private static JsonObject Object(IReadOnlyList<EventField> fields)
    {
        var json = new JsonObject();
        AddFields(json, fields);
        return json;
    }

    private static void AddFields(JsonObject json, IReadOnlyList<EventField> fields)
    {
        foreach (var field in fields)
        {
            json[field.Name] = Value(field.Value);
        }
    }
}
