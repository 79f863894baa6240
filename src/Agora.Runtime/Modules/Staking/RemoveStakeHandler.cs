using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Executes <see cref="RemoveStakeCall"/>.</summary>
public sealed class RemoveStakeHandler : CallHandler<RemoveStakeCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.RemoveStake;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Staking;

    /// <inheritdoc />
    protected override CallError? CheckStateless(RemoveStakeCall call, AccountId sender, BlockContext context) =>
        call.Amount.Value == 0 ? StakingError.ZeroAmount.Because("unstake amount is zero") : null;

    /// <inheritdoc />
    protected override CallError? Execute(RemoveStakeCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var coldkey = context.Sender;
        var position = StakingState.Position(state, coldkey, call.Hotkey, call.Netuid);
        var amount = StakeRules.Requested(call.Amount, position);
        if (position.Value == 0 || position < amount)
        {
            return StakingError.InsufficientStake.Because(
                $"{coldkey} has {position.ToTaoString()} TAO staked on hotkey {call.Hotkey} in subnet {call.Netuid} but unstakes {amount.ToTaoString()} TAO");
        }

        if (StakeRules.CheckRemainder(position - amount, context.Block.Parameters, "the remaining position") is { } small)
        {
            return small;
        }

        StakeLedger.Debit(state, coldkey, call.Hotkey, call.Netuid, amount, context.Block.Parameters);
        var account = state.GetAccount(coldkey);
        state.SetAccount(coldkey, account with { Free = account.Free + amount });
        events.Add(new StakeRemoved(coldkey, call.Hotkey, call.Netuid, amount));
        return null;
    }
}
