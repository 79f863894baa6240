using Agora.Core.Codec;

namespace Agora.Protocol.Events;

/// <summary>
/// An event with the phase of the block that emitted it: <see cref="TransactionIndex"/> is the index of
/// the transaction in the block, or null for block initialisation/finalisation.
/// </summary>
public sealed record EventRecord(int? TransactionIndex, RuntimeEvent Event)
{
    private const int EventCountMax = 1_000_000;

    /// <summary>Encodes a block's events for the block store.</summary>
    public static byte[] EncodeAll(IReadOnlyList<EventRecord> events)
    {
        var writer = new CodecWriter();
        writer.Length32(events.Count);
        foreach (var record in events)
        {
            writer.Bool(record.TransactionIndex.HasValue);
            if (record.TransactionIndex is { } index)
            {
                writer.Length32(index);
            }

            record.Event.Encode(writer);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes what <see cref="EncodeAll"/> wrote.</summary>
    public static IReadOnlyList<EventRecord> DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var count = reader.Length32("events.count", EventCountMax);
        var events = new List<EventRecord>(count);
        for (var i = 0; i < count; i++)
        {
            int? index = reader.Bool("event.phase") ? reader.Length32("event.transaction_index", EventCountMax) : null;
            events.Add(new EventRecord(index, EventCodec.Decode(ref reader)));
        }

        reader.End("events");
        return events;
    }
}
