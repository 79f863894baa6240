using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Governance;

/// <summary>A senate hotkey voted; the tally with the senate's current stakes follows.</summary>
public sealed record Voted(ulong ProposalId, AccountId Hotkey, bool Aye, Rao AyeStake, Rao NayStake, Rao SenateStake) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.Voted;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("proposal_id", ProposalId), new("hotkey", Hotkey), new("aye", Aye), new("aye_stake", AyeStake),
        new("nay_stake", NayStake), new("senate_stake", SenateStake),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) =>
        writer.U64(ProposalId).Account(Hotkey).Bool(Aye).Rao(AyeStake).Rao(NayStake).Rao(SenateStake);

    internal static Voted Decode(ref CodecReader reader) =>
        new(reader.U64("voted.proposal_id"), reader.Account("voted.hotkey"), reader.Bool("voted.aye"), reader.Rao("voted.aye_stake"),
            reader.Rao("voted.nay_stake"), reader.Rao("voted.senate_stake"));
}
