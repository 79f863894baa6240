using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Neurons;

/// <summary>
/// <paramref name="Coldkey"/> moved ownership, registrations and every stake position of <paramref name="OldHotkey"/>
/// to <paramref name="NewHotkey"/>, burning <paramref name="Burn"/>.
/// </summary>
public sealed record HotkeySwapped(AccountId Coldkey, AccountId OldHotkey, AccountId NewHotkey, Rao Burn) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.HotkeySwapped;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("coldkey", Coldkey), new("old_hotkey", OldHotkey), new("new_hotkey", NewHotkey), new("burn", Burn)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Coldkey).Account(OldHotkey).Account(NewHotkey).Rao(Burn);

    internal static HotkeySwapped Decode(ref CodecReader reader) =>
        new(reader.Account("hotkey_swapped.coldkey"), reader.Account("hotkey_swapped.old_hotkey"), reader.Account("hotkey_swapped.new_hotkey"),
            reader.Rao("hotkey_swapped.burn"));
}
