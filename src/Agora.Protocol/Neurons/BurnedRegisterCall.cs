using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Neurons;

/// <summary>
/// The signing coldkey burns the subnet's current registration burn to give <paramref name="Hotkey"/> a uid on
/// <paramref name="Netuid"/>, owning the hotkey from then on if nobody does yet. <paramref name="Proof"/> is the
/// hotkey's signature over <see cref="Staking.HotkeyProof.Payload"/> (ignored when the hotkey is the coldkey itself).
/// </summary>
public sealed record BurnedRegisterCall(ushort Netuid, AccountId Hotkey, ReadOnlyMemory<byte> Proof) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.BurnedRegister;

    /// <inheritdoc />
    /// <remarks>A signature check, and on a full subnet a scan of its uids for the one to replace.</remarks>
    public override ulong WeightFeeRao => 100_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("netuid", Netuid), new("hotkey", Hotkey), new("proof", Proof)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U16(Netuid).Account(Hotkey).Fixed(Proof.Span);

    internal static BurnedRegisterCall DecodeFields(ref CodecReader reader) =>
        new(reader.U16("burned_register.netuid"), reader.Account("burned_register.hotkey"), reader.Fixed(Ed25519.SignatureSize, "burned_register.proof").ToArray());
}
