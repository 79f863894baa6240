using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Epochs;

/// <summary>
/// The validator at (<paramref name="Netuid"/>, <paramref name="Uid"/>) kept its validator trust below the subnet's
/// <c>penalty_vtrust_threshold</c> for <paramref name="Epochs"/> epochs in a row: <paramref name="Burned"/> of its owner
/// <paramref name="Coldkey"/>'s own stake on <paramref name="Hotkey"/> left issuance (nominators untouched).
/// <paramref name="ValidatorTrust"/> is this epoch's, as a u16 proportion.
/// </summary>
public sealed record StakePenalty(ushort Netuid, ushort Uid, AccountId Hotkey, AccountId Coldkey, ushort ValidatorTrust, ushort Epochs, Rao Burned) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.StakePenalty;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("uid", Uid), new("hotkey", Hotkey), new("coldkey", Coldkey),
        new("validator_trust", new Proportion16(ValidatorTrust)), new("epochs", Epochs), new("burned", Burned),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U16(Uid).Account(Hotkey).Account(Coldkey).U16(ValidatorTrust).U16(Epochs).Rao(Burned);

    internal static StakePenalty Decode(ref CodecReader reader) =>
        new(reader.U16("stake_penalty.netuid"), reader.U16("stake_penalty.uid"), reader.Account("stake_penalty.hotkey"), reader.Account("stake_penalty.coldkey"),
            reader.U16("stake_penalty.validator_trust"), reader.U16("stake_penalty.epochs"), reader.Rao("stake_penalty.burned"));
}
