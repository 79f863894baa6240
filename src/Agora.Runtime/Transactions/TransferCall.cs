using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Runtime.Transactions;

/// <summary>Moves <paramref name="Amount"/> of free balance from the sender to <paramref name="Destination"/>.</summary>
public sealed record TransferCall(AccountId Destination, Rao Amount) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.Transfer;

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Fixed(Destination.Bytes).U64(Amount.Value);

    internal static TransferCall DecodeFields(ref CodecReader reader) =>
        new(new AccountId(reader.Fixed(AccountId.Size, "transfer.dest")), new Rao(reader.U64("transfer.amount")));
}
