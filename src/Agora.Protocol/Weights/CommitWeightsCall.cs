using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Weights;

/// <summary>
/// A registered hotkey with a validator permit commits to weights it will reveal <c>commit_reveal_period</c> epochs
/// later: <paramref name="Hash"/> is <see cref="WeightsCommitment.Hash"/> of them. Signed by the hotkey, paid by its owner.
/// </summary>
public sealed record CommitWeightsCall(ushort Netuid, Hash256 Hash) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.CommitWeights;

    /// <inheritdoc />
    /// <remarks>One read and one write of the pending list.</remarks>
    public override ulong WeightFeeRao => 20_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("netuid", Netuid), new("hash", Hash)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).Fixed(Hash.Bytes);

    internal static CommitWeightsCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("commit_weights.netuid"), new Hash256(reader.Fixed(Hash256.Size, "commit_weights.hash")));
}
