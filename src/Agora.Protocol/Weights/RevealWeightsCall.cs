using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Weights;

/// <summary>
/// A hotkey reveals weights it committed to (the same uids, weights, salt and version key give the committed hash);
/// accepted only in the commit's reveal window, with every <see cref="SetWeightsCall"/> check at reveal time.
/// Signed by the hotkey, paid by its owner.
/// </summary>
public sealed record RevealWeightsCall(ushort Netuid, ImmutableArray<ushort> Uids, ImmutableArray<ushort> Weights, ReadOnlyMemory<byte> Salt, ulong VersionKey) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.RevealWeights;

    /// <inheritdoc />
    /// <remarks>A hash, sorting, the checks, one row write and one pending-list write.</remarks>
    public override ulong WeightFeeRao => 40_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
    [
        new("netuid", Netuid), new("uids", WeightsCallCodec.Render(Uids)), new("weights", WeightsCallCodec.Render(Weights)), new("salt", Salt),
        new("version_key", VersionKey),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer)
    {
        writer.U16(Netuid);
        WeightsCallCodec.WriteList(writer, Uids);
        WeightsCallCodec.WriteList(writer, Weights);
        writer.Bytes(Salt.Span).U64(VersionKey);
    }

    internal static RevealWeightsCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("reveal_weights.netuid"), WeightsCallCodec.ReadList(ref reader, "reveal_weights.uids"), WeightsCallCodec.ReadList(ref reader, "reveal_weights.weights"),
            reader.Bytes("reveal_weights.salt", WeightsCommitment.SaltBytesMax).ToArray(), reader.U64("reveal_weights.version_key"));
}
