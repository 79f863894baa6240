using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Weights;

/// <summary>A hotkey set its weights directly; <paramref name="Count"/> non-zero weights were stored.</summary>
public sealed record WeightsSet(ushort Netuid, ushort Uid, AccountId Hotkey, ushort Count) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.WeightsSet;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("netuid", Netuid), new("uid", Uid), new("hotkey", Hotkey), new("count", Count)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).U16(Uid).Account(Hotkey).U16(Count);

    internal static WeightsSet Decode(ref CodecReader reader) =>
        new(reader.U16("weights_set.netuid"), reader.U16("weights_set.uid"), reader.Account("weights_set.hotkey"), reader.U16("weights_set.count"));
}
