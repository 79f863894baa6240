using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Governance;

/// <summary>The proposer withdraws a pending proposal; its lock returns.</summary>
public sealed record CancelProposalCall(ulong ProposalId) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.CancelProposal;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 10_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("proposal_id", ProposalId)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U64(ProposalId);

    internal static CancelProposalCall DecodeFields(ref CodecReader reader) => new(reader.U64("cancel_proposal.proposal_id"));
}
