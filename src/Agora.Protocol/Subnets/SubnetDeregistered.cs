using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;

namespace Agora.Protocol.Subnets;

/// <summary>
/// Subnet <paramref name="Netuid"/> was deregistered and why: <paramref name="Rank"/> is its place by stake EMA
/// among the subnets past their immunity (1 = lowest) when it was chosen. Every stake on it went back to its
/// coldkey as free balance (<paramref name="StakeReturned"/> in all), its undistributed emission to the global pool,
/// its lock to its owner.
/// </summary>
public sealed record SubnetDeregistered(ushort Netuid, DeregistrationReason Reason, Rao EmaStake, uint Rank, Rao StakeReturned, Rao EmissionReturned, Rao LockReturned) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.SubnetDeregistered;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("reason", SnakeCase.Of(Reason.ToString())), new("ema_stake", EmaStake), new("rank", Rank),
        new("stake_returned", StakeReturned), new("emission_returned", EmissionReturned), new("lock_returned", LockReturned),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U8((byte)Reason).Rao(EmaStake).U32(Rank).Rao(StakeReturned).Rao(EmissionReturned).Rao(LockReturned);

    internal static SubnetDeregistered Decode(ref CodecReader reader) =>
        new(reader.U16("subnet_deregistered.netuid"), (DeregistrationReason)reader.U8("subnet_deregistered.reason"),
            reader.Rao("subnet_deregistered.ema_stake"), reader.U32("subnet_deregistered.rank"), reader.Rao("subnet_deregistered.stake_returned"),
            reader.Rao("subnet_deregistered.emission_returned"), reader.Rao("subnet_deregistered.lock_returned"));
}
