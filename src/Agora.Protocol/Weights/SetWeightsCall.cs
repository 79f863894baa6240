using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Weights;

/// <summary>
/// A registered hotkey sets its weights on <paramref name="Netuid"/> directly (only while the subnet has
/// commit-reveal off): one weight per uid, any scale; the chain stores them max-upscaled. Signed by the hotkey, paid
/// by its owner.
/// </summary>
public sealed record SetWeightsCall(ushort Netuid, ImmutableArray<ushort> Uids, ImmutableArray<ushort> Weights, ulong VersionKey) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetWeights;

    /// <inheritdoc />
    /// <remarks>Sorting, the checks and one row write.</remarks>
    public override ulong WeightFeeRao => 30_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
        [new("netuid", Netuid), new("uids", WeightsCallCodec.Render(Uids)), new("weights", WeightsCallCodec.Render(Weights)), new("version_key", VersionKey)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer)
    {
        writer.U16(Netuid);
        WeightsCallCodec.WriteList(writer, Uids);
        WeightsCallCodec.WriteList(writer, Weights);
        writer.U64(VersionKey);
    }

    internal static SetWeightsCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("set_weights.netuid"), WeightsCallCodec.ReadList(ref reader, "set_weights.uids"), WeightsCallCodec.ReadList(ref reader, "set_weights.weights"),
            reader.U64("set_weights.version_key"));
}
