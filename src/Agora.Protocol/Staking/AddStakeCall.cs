using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Staking;

/// <summary>Moves <paramref name="Amount"/> of the signing coldkey's free balance into stake on (<paramref name="Hotkey"/>, <paramref name="Netuid"/>).</summary>
public sealed record AddStakeCall(AccountId Hotkey, ushort Netuid, Rao Amount) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.AddStake;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 20_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("hotkey", Hotkey), new("netuid", Netuid), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Hotkey).U16(Netuid).Rao(Amount);

    internal static AddStakeCall DecodeFields(ref CodecReader reader) =>
        new(reader.Account("add_stake.hotkey"), reader.U16("add_stake.netuid"), reader.Rao("add_stake.amount"));
}
