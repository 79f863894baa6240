using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Governance;

/// <summary>The voting window closed without a decision; <paramref name="Lock"/> went back to <paramref name="Proposer"/>'s free balance.</summary>
public sealed record ProposalExpired(ulong ProposalId, AccountId Proposer, Rao Lock) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.ProposalExpired;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("proposal_id", ProposalId), new("proposer", Proposer), new("lock", Lock)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U64(ProposalId).Account(Proposer).Rao(Lock);

    internal static ProposalExpired Decode(ref CodecReader reader) =>
        new(reader.U64("proposal_expired.proposal_id"), reader.Account("proposal_expired.proposer"), reader.Rao("proposal_expired.lock"));
}
