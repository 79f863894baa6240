using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Balances;

/// <summary><paramref name="Who"/> paid <paramref name="Fee"/> (burned) and <paramref name="Tip"/> (to the author).</summary>
public sealed record TransactionFeePaid(AccountId Who, Rao Fee, Rao Tip) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.TransactionFeePaid;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("who", Who), new("fee", Fee), new("tip", Tip)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Who).Rao(Fee).Rao(Tip);

    internal static TransactionFeePaid Decode(ref CodecReader reader) => new(reader.Account("fee.who"), reader.Rao("fee.fee"), reader.Rao("fee.tip"));
}
