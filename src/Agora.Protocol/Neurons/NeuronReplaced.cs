using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Neurons;

/// <summary>
/// A registration on a full subnet took <paramref name="Uid"/> from <paramref name="OldHotkey"/> and gave it to
/// <paramref name="NewHotkey"/>, and why: the old neuron's pruning score (its last epoch's emission) was the lowest,
/// <paramref name="PruningRank"/> being its place among the <paramref name="NonImmuneCount"/> non-immune neurons
/// (1 = lowest; ties broken by earlier registration, then lower uid), while <paramref name="ImmuneCount"/> neurons
/// were still immune.
/// </summary>
public sealed record NeuronReplaced(
    ushort Netuid, ushort Uid, AccountId OldHotkey, AccountId NewHotkey, Rao PruningScore, ushort PruningRank, ushort NonImmuneCount, ushort ImmuneCount) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.NeuronReplaced;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("uid", Uid), new("old_hotkey", OldHotkey), new("new_hotkey", NewHotkey), new("pruning_score", PruningScore),
        new("pruning_rank", PruningRank), new("non_immune_count", NonImmuneCount), new("immune_count", ImmuneCount),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U16(Uid).Account(OldHotkey).Account(NewHotkey).Rao(PruningScore).U16(PruningRank).U16(NonImmuneCount).U16(ImmuneCount);

    /// <summary>Reads the fields after the tag (the runtime keeps these records in the deregistration history).</summary>
    public static NeuronReplaced Decode(ref CodecReader reader) =>
        new(reader.U16("neuron_replaced.netuid"), reader.U16("neuron_replaced.uid"), reader.Account("neuron_replaced.old_hotkey"),
            reader.Account("neuron_replaced.new_hotkey"), reader.Rao("neuron_replaced.pruning_score"), reader.U16("neuron_replaced.pruning_rank"),
            reader.U16("neuron_replaced.non_immune_count"), reader.U16("neuron_replaced.immune_count"));
}
