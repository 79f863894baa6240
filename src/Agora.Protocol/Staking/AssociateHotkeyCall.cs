using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Staking;

/// <summary>
/// The signing coldkey takes ownership of <paramref name="Hotkey"/>, proven by the hotkey's signature over
/// <see cref="HotkeyProof.Payload"/> (ignored when the hotkey is the coldkey itself).
/// </summary>
public sealed record AssociateHotkeyCall(AccountId Hotkey, ReadOnlyMemory<byte> Proof) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.AssociateHotkey;

    /// <inheritdoc />
    /// <remarks>The proof costs a signature check.</remarks>
    public override ulong WeightFeeRao => 50_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("hotkey", Hotkey), new("proof", Proof)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(Hotkey).Fixed(Proof.Span);

    internal static AssociateHotkeyCall DecodeFields(ref CodecReader reader) =>
        new(reader.Account("associate_hotkey.hotkey"), reader.Fixed(Ed25519.SignatureSize, "associate_hotkey.proof").ToArray());
}
