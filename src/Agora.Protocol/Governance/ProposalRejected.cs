using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Governance;

/// <summary>Nays reached half the senate's stake; the lock went back to the proposer.</summary>
public sealed record ProposalRejected(ulong ProposalId, Rao AyeStake, Rao NayStake) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.ProposalRejected;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("proposal_id", ProposalId), new("aye_stake", AyeStake), new("nay_stake", NayStake)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U64(ProposalId).Rao(AyeStake).Rao(NayStake);

    internal static ProposalRejected Decode(ref CodecReader reader) =>
        new(reader.U64("proposal_rejected.proposal_id"), reader.Rao("proposal_rejected.aye_stake"), reader.Rao("proposal_rejected.nay_stake"));
}
