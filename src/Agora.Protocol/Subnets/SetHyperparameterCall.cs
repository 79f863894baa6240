using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Subnets;

/// <summary>The subnet owner (an owner-settable one) or, on a dev chain, sudo (any) sets a hyperparameter.</summary>
public sealed record SetHyperparameterCall(ushort Netuid, HyperparameterId Parameter, ulong Value) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetHyperparameter;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 10_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() =>
        [new("netuid", Netuid), new("parameter", Hyperparameters.IsKnown(Parameter) ? Hyperparameters.Describe(Parameter).Name : $"unknown_{(byte)Parameter}"), new("value", Value)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).U8((byte)Parameter).U64(Value);

    internal static SetHyperparameterCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("set_hyperparameter.netuid"), (HyperparameterId)reader.U8("set_hyperparameter.parameter"), reader.U64("set_hyperparameter.value"));
}
