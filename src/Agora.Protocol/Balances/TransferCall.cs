using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Balances;

/// <summary>Moves <paramref name="Amount"/> of free balance from the sender to <paramref name="Destination"/>.</summary>
public sealed record TransferCall(AccountId Destination, Rao Amount) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.Transfer;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("dest", Destination), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Destination).Rao(Amount);

    internal static TransferCall DecodeFields(ref CodecReader reader) => new(reader.Account("transfer.dest"), reader.Rao("transfer.amount"));
}
