using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Balances;

/// <summary>Free balance moved between accounts.</summary>
public sealed record Transferred(AccountId From, AccountId To, Rao Amount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.Transferred;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("from", From), new("to", To), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(From).Account(To).Rao(Amount);

    internal static Transferred Decode(ref CodecReader reader) => new(reader.Account("transfer.from"), reader.Account("transfer.to"), reader.Rao("transfer.amount"));
}
