using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Staking;

/// <summary><paramref name="Coldkey"/> took <paramref name="Amount"/> of stake on (<paramref name="Hotkey"/>, <paramref name="Netuid"/>) back to its free balance.</summary>
public sealed record StakeRemoved(AccountId Coldkey, AccountId Hotkey, ushort Netuid, Rao Amount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.StakeRemoved;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("coldkey", Coldkey), new("hotkey", Hotkey), new("netuid", Netuid), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Coldkey).Account(Hotkey).U16(Netuid).Rao(Amount);

    internal static StakeRemoved Decode(ref CodecReader reader) =>
        new(reader.Account("stake_removed.coldkey"), reader.Account("stake_removed.hotkey"), reader.U16("stake_removed.netuid"), reader.Rao("stake_removed.amount"));
}
