using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Staking;

/// <summary>Executes <see cref="AddStakeCall"/>.</summary>
public sealed class AddStakeHandler : CallHandler<AddStakeCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.AddStake;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Staking;

    /// <inheritdoc />
    protected override CallError? CheckStateless(AddStakeCall call, AccountId sender, BlockContext context) =>
        call.Amount.Value == 0 ? StakingError.ZeroAmount.Because("stake amount is zero") : null;

    /// <inheritdoc />
    protected override Rao PayerSpendMax(AddStakeCall call, AccountId sender, IStateReader state, BlockContext context) => call.Amount;

    /// <inheritdoc />
    protected override CallError? Execute(AddStakeCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var coldkey = context.Sender;
        if (StakeRules.CheckTarget(state, call.Hotkey, call.Netuid) is { } invalid)
        {
            return invalid;
        }

        var account = state.GetAccount(coldkey);
        if (account.Free < call.Amount)
        {
            return StakingError.InsufficientBalance.Because($"{coldkey} has {account.Free.ToTaoString()} TAO free after the fee but stakes {call.Amount.ToTaoString()} TAO");
        }

        var position = StakingState.Position(state, coldkey, call.Hotkey, call.Netuid);
        if (StakeRules.CheckRemainder(position + call.Amount, context.Block.Parameters, "the position") is { } small)
        {
            return small;
        }

        state.SetAccount(coldkey, account with { Free = account.Free - call.Amount });
        StakeLedger.Credit(state, coldkey, call.Hotkey, call.Netuid, call.Amount, context.Block.Parameters);
        events.Add(new StakeAdded(coldkey, call.Hotkey, call.Netuid, call.Amount));
        return null;
    }
}
