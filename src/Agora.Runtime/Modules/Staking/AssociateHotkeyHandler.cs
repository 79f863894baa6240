using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Executes <see cref="AssociateHotkeyCall"/>: the coldkey owns the hotkey from now on, with the default take.</summary>
public sealed class AssociateHotkeyHandler : CallHandler<AssociateHotkeyCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.AssociateHotkey;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Staking;

    /// <inheritdoc />
    protected override CallError? CheckStateless(AssociateHotkeyCall call, AccountId sender, BlockContext context) =>
        call.Hotkey == sender || HotkeyProof.Verify(call.Hotkey, sender, context.GenesisHash, call.Proof.Span)
            ? null
            : StakingError.BadProofOfPossession.Because(
                $"the proof is not {call.Hotkey}'s signature over ({HotkeyProof.Domain}, {sender}, this chain's genesis); sign it with the hotkey's secret");

    /// <inheritdoc />
    protected override CallError? Execute(AssociateHotkeyCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        if (StakingState.Hotkey(state, call.Hotkey) is { } existing)
        {
            return existing.Owner == context.Sender
                ? StakingError.AlreadyOwned.Because($"{context.Sender} already owns hotkey {call.Hotkey}")
                : StakingError.HotkeyOwnedByAnother.Because($"hotkey {call.Hotkey} is owned by {existing.Owner}; use a fresh hotkey");
        }

        var take = context.Block.Parameters.TakeMax;
        state.Set(StakingKeys.Hotkey(call.Hotkey), new HotkeyInfo(context.Sender, take, context.Block.Number, Rao.Zero).Encode());
        events.Add(new HotkeyAssociated(context.Sender, call.Hotkey));
        return null;
    }
}
