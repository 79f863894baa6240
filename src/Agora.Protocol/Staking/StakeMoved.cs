using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Staking;

/// <summary><paramref name="Coldkey"/> moved <paramref name="Amount"/> of stake from one (hotkey, netuid) to another.</summary>
public sealed record StakeMoved(AccountId Coldkey, AccountId FromHotkey, ushort FromNetuid, AccountId ToHotkey, ushort ToNetuid, Rao Amount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.StakeMoved;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("coldkey", Coldkey), new("from_hotkey", FromHotkey), new("from_netuid", FromNetuid),
        new("to_hotkey", ToHotkey), new("to_netuid", ToNetuid), new("amount", Amount),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.Account(Coldkey).Account(FromHotkey).U16(FromNetuid).Account(ToHotkey).U16(ToNetuid).Rao(Amount);

    internal static StakeMoved Decode(ref CodecReader reader) =>
        new(reader.Account("stake_moved.coldkey"), reader.Account("stake_moved.from_hotkey"), reader.U16("stake_moved.from_netuid"),
            reader.Account("stake_moved.to_hotkey"), reader.U16("stake_moved.to_netuid"), reader.Rao("stake_moved.amount"));
}
