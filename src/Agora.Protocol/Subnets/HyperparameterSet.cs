using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;

namespace Agora.Protocol.Subnets;

/// <summary><paramref name="Setter"/> changed hyperparameter <paramref name="Parameter"/> of a subnet from <paramref name="OldValue"/> to <paramref name="NewValue"/>.</summary>
public sealed record HyperparameterSet(ushort Netuid, HyperparameterId Parameter, ulong OldValue, ulong NewValue, AccountId Setter) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.HyperparameterSet;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
    [
        new("netuid", Netuid), new("parameter", SnakeCase.Of(Parameter.ToString())),
        new("old_value", Hyperparameters.Describe(Parameter).Render(OldValue)), new("new_value", Hyperparameters.Describe(Parameter).Render(NewValue)),
        new("setter", Setter),
    ];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).U8((byte)Parameter).U64(OldValue).U64(NewValue).Account(Setter);

    internal static HyperparameterSet Decode(ref CodecReader reader) =>
        new(reader.U16("hyperparameter_set.netuid"), (HyperparameterId)reader.U8("hyperparameter_set.parameter"),
            reader.U64("hyperparameter_set.old_value"), reader.U64("hyperparameter_set.new_value"), reader.Account("hyperparameter_set.setter"));
}
