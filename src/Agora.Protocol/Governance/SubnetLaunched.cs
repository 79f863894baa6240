using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Governance;

/// <summary>An approved proposal launched subnet <paramref name="Netuid"/>, holding <paramref name="Lock"/> under it.</summary>
public sealed record SubnetLaunched(ushort Netuid, ulong ProposalId, AccountId Owner, AccountId OwnerHotkey, string SubnetName, Rao Lock) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.SubnetLaunched;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("proposal_id", ProposalId), new("owner", Owner), new("owner_hotkey", OwnerHotkey),
        new("subnet_name", SubnetName), new("lock", Lock),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U16(Netuid).U64(ProposalId).Account(Owner).Account(OwnerHotkey).Text(SubnetName).Rao(Lock);

    internal static SubnetLaunched Decode(ref CodecReader reader) =>
        new(reader.U16("subnet_launched.netuid"), reader.U64("subnet_launched.proposal_id"), reader.Account("subnet_launched.owner"),
            reader.Account("subnet_launched.owner_hotkey"), reader.Text("subnet_launched.subnet_name", GovernanceLimits.NameBytesMax),
            reader.Rao("subnet_launched.lock"));
}
