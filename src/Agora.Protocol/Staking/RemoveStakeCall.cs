using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Staking;

/// <summary>Takes <paramref name="Amount"/> of the signing coldkey's stake on (<paramref name="Hotkey"/>, <paramref name="Netuid"/>) back to its free balance; <see cref="Rao.Value"/> = u64 max takes the whole position.</summary>
public sealed record RemoveStakeCall(AccountId Hotkey, ushort Netuid, Rao Amount) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.RemoveStake;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 20_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("hotkey", Hotkey), new("netuid", Netuid), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Hotkey).U16(Netuid).Rao(Amount);

    internal static RemoveStakeCall DecodeFields(ref CodecReader reader) =>
        new(reader.Account("remove_stake.hotkey"), reader.U16("remove_stake.netuid"), reader.Rao("remove_stake.amount"));
}
