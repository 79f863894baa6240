using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Staking;

/// <summary>The delegate take of <paramref name="Hotkey"/> changed (u16 proportions).</summary>
public sealed record TakeChanged(AccountId Hotkey, ushort OldTake, ushort NewTake) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.TakeChanged;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("hotkey", Hotkey), new("old_take", new Proportion16(OldTake)), new("new_take", new Proportion16(NewTake))];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Hotkey).U16(OldTake).U16(NewTake);

    internal static TakeChanged Decode(ref CodecReader reader) =>
        new(reader.Account("take_changed.hotkey"), reader.U16("take_changed.old_take"), reader.U16("take_changed.new_take"));
}
