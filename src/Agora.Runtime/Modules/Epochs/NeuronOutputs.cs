using Agora.Core.Codec;
using Agora.Core.FixedPoint;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// What a uid's last epoch gave it (spec/yuma.md outputs), kept exactly as the engine computed them (I32F32), the
/// emission it was paid (its pruning score), the validator permit the next epoch and the next weights read, and how
/// many epochs in a row its validator trust stayed below the subnet's penalty threshold.
/// </summary>
public sealed record NeuronOutputs(
    I32F32 Rank,
    I32F32 Trust,
    I32F32 Consensus,
    I32F32 Incentive,
    I32F32 Dividends,
    I32F32 ValidatorTrust,
    Rao Emission,
    bool ValidatorPermit,
    ushort LowTrustEpochs)
{
    private const byte EncodingVersion = 1;

    /// <summary>A uid no epoch has seen yet: all zero, no permit.</summary>
    public static NeuronOutputs None { get; } = new(I32F32.Zero, I32F32.Zero, I32F32.Zero, I32F32.Zero, I32F32.Zero, I32F32.Zero, Rao.Zero, false, 0);

    /// <summary>Canonical encoding.</summary>
    public byte[] Encode() =>
        new CodecWriter(60).U8(EncodingVersion).U64((ulong)Rank.Bits).U64((ulong)Trust.Bits).U64((ulong)Consensus.Bits).U64((ulong)Incentive.Bits)
            .U64((ulong)Dividends.Bits).U64((ulong)ValidatorTrust.Bits).Rao(Emission).Bool(ValidatorPermit).U16(LowTrustEpochs).ToArray();

    /// <summary>Decodes a stored record.</summary>
    public static NeuronOutputs Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("outputs.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"outputs.version: {version} is not known");
        }

        var outputs = new NeuronOutputs(
            new I32F32((long)reader.U64("outputs.rank")), new I32F32((long)reader.U64("outputs.trust")), new I32F32((long)reader.U64("outputs.consensus")),
            new I32F32((long)reader.U64("outputs.incentive")), new I32F32((long)reader.U64("outputs.dividends")),
            new I32F32((long)reader.U64("outputs.validator_trust")), reader.Rao("outputs.emission"), reader.Bool("outputs.validator_permit"),
            reader.U16("outputs.low_trust_epochs"));
        reader.End("outputs");
        return outputs;
    }
}
