using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Runtime.Events;

/// <summary>Something a block did, for explorers, wallets and tests. The runtime never logs; it emits these.</summary>
public abstract record RuntimeEvent
{
    /// <summary>The tag in the encoding.</summary>
    public abstract EventTag Tag { get; }

    /// <summary>Writes tag and fields.</summary>
    public void Encode(CodecWriter writer)
    {
        writer.U8((byte)Tag);
        EncodeFields(writer);
    }

    /// <summary>Writes the fields after the tag.</summary>
    protected abstract void EncodeFields(CodecWriter writer);

    /// <summary>Reads an event.</summary>
    public static RuntimeEvent Decode(ref CodecReader reader)
    {
        var tag = reader.U8("event.tag");
        return (EventTag)tag switch
        {
            EventTag.EmissionMinted => new EmissionMinted(new Rao(reader.U64("emission.amount")), new Rao(reader.U64("emission.total_issuance"))),
            EventTag.TransactionFeePaid => new TransactionFeePaid(
                ReadAccount(ref reader, "fee.who"), new Rao(reader.U64("fee.fee")), new Rao(reader.U64("fee.tip"))),
            EventTag.Transferred => new Transferred(
                ReadAccount(ref reader, "transfer.from"), ReadAccount(ref reader, "transfer.to"), new Rao(reader.U64("transfer.amount"))),
            _ => throw new CodecException($"event.tag: unknown event {tag}"),
        };
    }

    private static AccountId ReadAccount(ref CodecReader reader, string field) => new(reader.Fixed(AccountId.Size, field));
}

/// <summary>A block minted <paramref name="Amount"/> into the pending emission pool.</summary>
public sealed record EmissionMinted(Rao Amount, Rao TotalIssuance) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.EmissionMinted;

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U64(Amount.Value).U64(TotalIssuance.Value);
}

/// <summary><paramref name="Who"/> paid <paramref name="Fee"/> (burned) and <paramref name="Tip"/> (to the author).</summary>
public sealed record TransactionFeePaid(AccountId Who, Rao Fee, Rao Tip) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.TransactionFeePaid;

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Fixed(Who.Bytes).U64(Fee.Value).U64(Tip.Value);
}

/// <summary>Free balance moved between accounts.</summary>
public sealed record Transferred(AccountId From, AccountId To, Rao Amount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.Transferred;

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Fixed(From.Bytes).Fixed(To.Bytes).U64(Amount.Value);
}
