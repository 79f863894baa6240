using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Staking;

/// <summary>The owning coldkey sets <paramref name="Hotkey"/>'s delegate take (u16 proportion of 65,535).</summary>
public sealed record SetTakeCall(AccountId Hotkey, ushort Take) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetTake;

    /// <inheritdoc />
    public override ulong WeightFeeRao => 10_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("hotkey", Hotkey), new("take", new Proportion16(Take))];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Hotkey).U16(Take);

    internal static SetTakeCall DecodeFields(ref CodecReader reader) => new(reader.Account("set_take.hotkey"), reader.U16("set_take.take"));
}
