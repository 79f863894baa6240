using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Executes <see cref="SetTakeCall"/>: lowering is immediate, raising waits out the take change rate limit.</summary>
public sealed class SetTakeHandler : CallHandler<SetTakeCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.SetTake;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Staking;

    /// <inheritdoc />
    protected override CallError? CheckStateless(SetTakeCall call, AccountId sender, BlockContext context) =>
        call.Take > context.Parameters.TakeMax
            ? StakingError.TakeAboveMax.Because($"take {call.Take} is above the maximum {context.Parameters.TakeMax} (≈ 18%)")
            : null;

    /// <inheritdoc />
    protected override CallError? Execute(SetTakeCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var info = StakingState.Hotkey(state, call.Hotkey);
        if (info is null || info.Owner != context.Sender)
        {
            return StakingError.NotHotkeyOwner.Because($"{context.Sender} does not own hotkey {call.Hotkey}");
        }

        if (info.Take == call.Take)
        {
            return StakingError.TakeUnchanged.Because($"hotkey {call.Hotkey}'s take is already {call.Take}");
        }

        var allowedAt = info.TakeChangedAt + context.Block.Parameters.TakeChangeRateLimitBlocks;
        if (call.Take > info.Take && context.Block.Number < allowedAt)
        {
            return StakingError.TakeRaiseRateLimited.Because($"the take was last changed at block {info.TakeChangedAt}; it may rise again from block {allowedAt}");
        }

        state.Set(StakingKeys.Hotkey(call.Hotkey), (info with { Take = call.Take, TakeChangedAt = context.Block.Number }).Encode());
        events.Add(new TakeChanged(call.Hotkey, info.Take, call.Take));
        return null;
    }
}
