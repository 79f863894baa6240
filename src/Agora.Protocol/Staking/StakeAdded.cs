using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Staking;

/// <summary><paramref name="Coldkey"/> moved <paramref name="Amount"/> of its free balance into stake on (<paramref name="Hotkey"/>, <paramref name="Netuid"/>).</summary>
public sealed record StakeAdded(AccountId Coldkey, AccountId Hotkey, ushort Netuid, Rao Amount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.StakeAdded;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("coldkey", Coldkey), new("hotkey", Hotkey), new("netuid", Netuid), new("amount", Amount)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Coldkey).Account(Hotkey).U16(Netuid).Rao(Amount);

    internal static StakeAdded Decode(ref CodecReader reader) =>
        new(reader.Account("stake_added.coldkey"), reader.Account("stake_added.hotkey"), reader.U16("stake_added.netuid"), reader.Rao("stake_added.amount"));
}
