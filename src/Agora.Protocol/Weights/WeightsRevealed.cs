using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Weights;

/// <summary>A hotkey revealed the weights of its commit <paramref name="Hash"/>; they are stored as its weights.</summary>
public sealed record WeightsRevealed(ushort Netuid, ushort Uid, AccountId Hotkey, Hash256 Hash) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.WeightsRevealed;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("netuid", Netuid), new("uid", Uid), new("hotkey", Hotkey), new("hash", Hash)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).U16(Uid).Account(Hotkey).Fixed(Hash.Bytes);

    internal static WeightsRevealed Decode(ref CodecReader reader) =>
        new(reader.U16("weights_revealed.netuid"), reader.U16("weights_revealed.uid"), reader.Account("weights_revealed.hotkey"),
            new Hash256(reader.Fixed(Hash256.Size, "weights_revealed.hash")));
}
