using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Transactions;

namespace Agora.Protocol.Neurons;

/// <summary>
/// The signing coldkey moves everything of its hotkey <paramref name="OldHotkey"/> (ownership, take, registrations,
/// every stake position on it; its pending weight commits are dropped, as they bind the old hotkey) to the unowned <paramref name="NewHotkey"/>, burning the chain's
/// swap burn. <paramref name="Proof"/> is the NEW hotkey's signature over <see cref="Staking.HotkeyProof.Payload"/>
/// (ignored when the new hotkey is the coldkey itself).
/// </summary>
public sealed record SwapHotkeyCall(AccountId OldHotkey, AccountId NewHotkey, ReadOnlyMemory<byte> Proof) : Call
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SwapHotkey;

    /// <inheritdoc />
    /// <remarks>A signature check, and a rewrite of every registration and stake position of the hotkey.</remarks>
    public override ulong WeightFeeRao => 200_000;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Arguments() => [new("old_hotkey", OldHotkey), new("new_hotkey", NewHotkey), new("proof", Proof)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Account(OldHotkey).Account(NewHotkey).Fixed(Proof.Span);

    internal static SwapHotkeyCall DecodeFields(ref CodecReader reader) =>
        new(reader.Account("swap_hotkey.old_hotkey"), reader.Account("swap_hotkey.new_hotkey"), reader.Fixed(Ed25519.SignatureSize, "swap_hotkey.proof").ToArray());
}
