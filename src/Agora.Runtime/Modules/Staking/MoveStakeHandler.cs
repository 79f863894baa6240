using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Executes <see cref="MoveStakeCall"/>: one debit and one credit of the same coldkey's stake.</summary>
public sealed class MoveStakeHandler : CallHandler<MoveStakeCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.MoveStake;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Staking;

    /// <inheritdoc />
    protected override CallError? CheckStateless(MoveStakeCall call, AccountId sender, BlockContext context)
    {
        if (call.Amount.Value == 0)
        {
            return StakingError.ZeroAmount.Because("move amount is zero");
        }

        return call.FromHotkey == call.ToHotkey && call.FromNetuid == call.ToNetuid
            ? StakingError.SameSourceAndDestination.Because($"the move starts and ends on hotkey {call.ToHotkey} in subnet {call.ToNetuid}")
            : null;
    }

    /// <inheritdoc />
    protected override CallError? Execute(MoveStakeCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var coldkey = context.Sender;
        var parameters = context.Block.Parameters;
        var from = StakingState.Position(state, coldkey, call.FromHotkey, call.FromNetuid);
        var amount = StakeRules.Requested(call.Amount, from);
        if (from.Value == 0 || from < amount)
        {
            return StakingError.InsufficientStake.Because(
                $"{coldkey} has {from.ToTaoString()} TAO staked on hotkey {call.FromHotkey} in subnet {call.FromNetuid} but moves {amount.ToTaoString()} TAO");
        }

        var to = StakingState.Position(state, coldkey, call.ToHotkey, call.ToNetuid);
        var invalid = StakeRules.CheckTarget(state, call.ToHotkey, call.ToNetuid)
            ?? StakeRules.CheckRemainder(from - amount, parameters, "the source position")
            ?? StakeRules.CheckRemainder(to + amount, parameters, "the destination position");
        if (invalid is not null)
        {
            return invalid;
        }

        StakeLedger.Debit(state, coldkey, call.FromHotkey, call.FromNetuid, amount, parameters);
        StakeLedger.Credit(state, coldkey, call.ToHotkey, call.ToNetuid, amount, parameters);
        events.Add(new StakeMoved(coldkey, call.FromHotkey, call.FromNetuid, call.ToHotkey, call.ToNetuid, amount));
        return null;
    }
}
