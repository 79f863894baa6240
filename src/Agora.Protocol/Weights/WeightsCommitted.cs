using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Weights;

/// <summary>A hotkey committed to weights; they may be revealed from <paramref name="FirstRevealBlock"/> to <paramref name="LastRevealBlock"/>.</summary>
public sealed record WeightsCommitted(ushort Netuid, AccountId Hotkey, Hash256 Hash, ulong FirstRevealBlock, ulong LastRevealBlock) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.WeightsCommitted;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("netuid", Netuid), new("hotkey", Hotkey), new("hash", Hash), new("first_reveal_block", FirstRevealBlock), new("last_reveal_block", LastRevealBlock)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).Account(Hotkey).Fixed(Hash.Bytes).U64(FirstRevealBlock).U64(LastRevealBlock);

    internal static WeightsCommitted Decode(ref CodecReader reader) =>
        new(reader.U16("weights_committed.netuid"), reader.Account("weights_committed.hotkey"), new Hash256(reader.Fixed(Hash256.Size, "weights_committed.hash")),
            reader.U64("weights_committed.first_reveal_block"), reader.U64("weights_committed.last_reveal_block"));
}
