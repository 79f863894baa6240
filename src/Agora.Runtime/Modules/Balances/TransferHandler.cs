using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Balances;

/// <summary>Executes <see cref="TransferCall"/>.</summary>
public sealed class TransferHandler : CallHandler<TransferCall>
{
    /// <inheritdoc />
    public override CallTag Tag => CallTag.Transfer;

    /// <inheritdoc />
    public override ModuleId Module => ModuleId.Balances;

    /// <inheritdoc />
    protected override CallError? CheckStateless(TransferCall call, AccountId sender, BlockContext context) =>
        call.Amount.Value == 0 ? BalancesError.ZeroAmount.Because("transfer amount is zero; send at least 1 rao") : null;

    /// <inheritdoc />
    protected override Rao PayerSpendMax(TransferCall call, AccountId sender, IStateReader state, BlockContext context) => call.Amount;

    /// <inheritdoc />
    protected override CallError? Execute(TransferCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        var sender = state.GetAccount(context.Sender);
        if (sender.Free < call.Amount)
        {
            return BalancesError.InsufficientBalance.Because(
                $"{context.Sender} has {sender.Free.ToTaoString()} TAO free after the fee but the transfer needs {call.Amount.ToTaoString()} TAO");
        }

        state.SetAccount(context.Sender, sender with { Free = sender.Free - call.Amount });
        var receiver = state.GetAccount(call.Destination);
        state.SetAccount(call.Destination, receiver with { Free = receiver.Free + call.Amount });
        events.Add(new Transferred(context.Sender, call.Destination, call.Amount));
        return null;
    }
}
