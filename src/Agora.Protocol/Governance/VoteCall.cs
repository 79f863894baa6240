using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Governance;

/// <summary>A senate hotkey votes aye or nay on a pending proposal; signed by the hotkey, paid by its owner.</summary>
public sealed record VoteCall(ulong ProposalId, bool Aye) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.Vote;

    /// <inheritdoc />
    /// <remarks>The tally recomputes the senate.</remarks>
    public override ulong WeightFeeRao => 50_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("proposal_id", ProposalId), new("aye", Aye)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U64(ProposalId).Bool(Aye);

    internal static VoteCall DecodeFields(ref CodecReader reader) => new(reader.U64("vote.proposal_id"), reader.Bool("vote.aye"));
}
