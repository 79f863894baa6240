using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Neurons;

/// <summary><paramref name="Hotkey"/> of <paramref name="Coldkey"/> holds <paramref name="Uid"/> on <paramref name="Netuid"/>, for a burn of <paramref name="Burn"/>.</summary>
public sealed record NeuronRegistered(ushort Netuid, ushort Uid, AccountId Hotkey, AccountId Coldkey, Rao Burn) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.NeuronRegistered;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("netuid", Netuid), new("uid", Uid), new("hotkey", Hotkey), new("coldkey", Coldkey), new("burn", Burn)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).U16(Uid).Account(Hotkey).Account(Coldkey).Rao(Burn);

    internal static NeuronRegistered Decode(ref CodecReader reader) =>
        new(reader.U16("neuron_registered.netuid"), reader.U16("neuron_registered.uid"), reader.Account("neuron_registered.hotkey"),
            reader.Account("neuron_registered.coldkey"), reader.Rao("neuron_registered.burn"));
}
