using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Staking;

/// <summary><paramref name="Coldkey"/> now owns <paramref name="Hotkey"/>.</summary>
public sealed record HotkeyAssociated(AccountId Coldkey, AccountId Hotkey) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.HotkeyAssociated;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("coldkey", Coldkey), new("hotkey", Hotkey)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Coldkey).Account(Hotkey);

    internal static HotkeyAssociated Decode(ref CodecReader reader) => new(reader.Account("associated.coldkey"), reader.Account("associated.hotkey"));
}
