using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Neurons;

/// <summary>
/// At the end of an adjustment interval <paramref name="Netuid"/>'s registration burn moved from
/// <paramref name="OldBurn"/> to <paramref name="NewBurn"/>: <paramref name="Registrations"/> came in against a target of
/// <paramref name="Target"/> (burn · (registrations + target) / (2 · target), clamped to [min_burn, max_burn]).
/// </summary>
public sealed record BurnAdjusted(ushort Netuid, Rao OldBurn, Rao NewBurn, uint Registrations, ushort Target) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.BurnAdjusted;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("netuid", Netuid), new("old_burn", OldBurn), new("new_burn", NewBurn), new("registrations", Registrations), new("target", Target)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).Rao(OldBurn).Rao(NewBurn).U32(Registrations).U16(Target);

    internal static BurnAdjusted Decode(ref CodecReader reader) =>
        new(reader.U16("burn_adjusted.netuid"), reader.Rao("burn_adjusted.old_burn"), reader.Rao("burn_adjusted.new_burn"),
            reader.U32("burn_adjusted.registrations"), reader.U16("burn_adjusted.target"));
}
