using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Epochs;

/// <summary>
/// Subnet <paramref name="Netuid"/> ran its epoch in <paramref name="Block"/> and paid out <paramref name="Emission"/>
/// (its pending emission plus carried dust) as DESIGN §4a says: <c>emission = owner_cut + miner_total +
/// validator_total + dust</c>, where <paramref name="ValidatorTotal"/> counts what validators' owners and nominators
/// were credited (takes included) and <paramref name="Dust"/> is what the subnet carries into its next epoch (all of
/// the emission when it has no neurons).
/// </summary>
public sealed record EpochRun(ushort Netuid, ulong Block, Rao Emission, Rao OwnerCut, Rao MinerTotal, Rao ValidatorTotal, Rao TakeTotal, Rao Dust) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.EpochRun;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("block", Block), new("emission", Emission), new("owner_cut", OwnerCut), new("miner_total", MinerTotal),
        new("validator_total", ValidatorTotal), new("take_total", TakeTotal), new("dust", Dust),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U64(Block).Rao(Emission).Rao(OwnerCut).Rao(MinerTotal).Rao(ValidatorTotal).Rao(TakeTotal).Rao(Dust);

    internal static EpochRun Decode(ref CodecReader reader) =>
        new(reader.U16("epoch_run.netuid"), reader.U64("epoch_run.block"), reader.Rao("epoch_run.emission"), reader.Rao("epoch_run.owner_cut"),
            reader.Rao("epoch_run.miner_total"), reader.Rao("epoch_run.validator_total"), reader.Rao("epoch_run.take_total"), reader.Rao("epoch_run.dust"));
}
