using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Staking;

/// <summary>
/// Moves <paramref name="Amount"/> of the signing coldkey's stake from one (hotkey, netuid) to another: how stakers
/// steer emission between subnets. u64 max moves the whole position.
/// </summary>
public sealed record MoveStakeCall(AccountId FromHotkey, ushort FromNetuid, AccountId ToHotkey, ushort ToNetuid, Rao Amount) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.MoveStake;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 30_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
        [new("from_hotkey", FromHotkey), new("from_netuid", FromNetuid), new("to_hotkey", ToHotkey), new("to_netuid", ToNetuid), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(FromHotkey).U16(FromNetuid).Account(ToHotkey).U16(ToNetuid).Rao(Amount);

    internal static MoveStakeCall DecodeFields(ref CodecReader reader) =>
        new(reader.Account("move_stake.from_hotkey"), reader.U16("move_stake.from_netuid"), reader.Account("move_stake.to_hotkey"),
            reader.U16("move_stake.to_netuid"), reader.Rao("move_stake.amount"));
}
