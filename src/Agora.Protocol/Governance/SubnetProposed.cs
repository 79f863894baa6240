using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Governance;

/// <summary>
/// A subnet proposal opened: <paramref name="Lock"/> moved from the proposer's free to reserved balance;
/// <paramref name="ReplacesNetuid"/> names the subnet it would deregister when all slots are taken.
/// </summary>
public sealed record SubnetProposed(ulong ProposalId, AccountId Proposer, string SubnetName, Rao Lock, ulong EndBlock, ushort? ReplacesNetuid) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.SubnetProposed;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("proposal_id", ProposalId), new("proposer", Proposer), new("subnet_name", SubnetName), new("lock", Lock),
        new("end_block", EndBlock), new("replaces_netuid", ReplacesNetuid),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U64(ProposalId).Account(Proposer).Text(SubnetName).Rao(Lock).U64(EndBlock).OptionalU16(ReplacesNetuid);

    internal static SubnetProposed Decode(ref CodecReader reader) =>
        new(reader.U64("subnet_proposed.proposal_id"), reader.Account("subnet_proposed.proposer"),
            reader.Text("subnet_proposed.subnet_name", GovernanceLimits.NameBytesMax), reader.Rao("subnet_proposed.lock"),
            reader.U64("subnet_proposed.end_block"), reader.OptionalU16("subnet_proposed.replaces_netuid"));
}
