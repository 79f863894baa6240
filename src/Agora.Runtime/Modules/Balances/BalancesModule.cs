using Agora.Core.Primitives;
using Agora.Runtime.Events;
using Agora.Runtime.State;
using Agora.Runtime.Transactions;

namespace Agora.Runtime.Modules.Balances;

/// <summary>Free balances: fee payment, tips and transfers. Callers validate first; these only write.</summary>
public static class BalancesModule
{
    /// <summary>
    /// Takes fee and tip from the sender and bumps its nonce: the fee leaves total issuance (burned), the tip
    /// goes to the block author.
    /// </summary>
    public static TransactionFeePaid PayFee(StateOverlay state, AccountId sender, Rao fee, Rao tip, AccountId author)
    {
        var account = state.GetAccount(sender);
        state.SetAccount(sender, account with { Free = account.Free - fee - tip, Nonce = checked(account.Nonce + 1) });
        state.SetU64(StateKeys.TotalIssuance, (new Rao(state.GetU64(StateKeys.TotalIssuance)) - fee).Value);
        if (tip.Value > 0)
        {
            var authorAccount = state.GetAccount(author);
            state.SetAccount(author, authorAccount with { Free = authorAccount.Free + tip });
        }

        return new TransactionFeePaid(sender, fee, tip);
    }

    /// <summary>Moves free balance; the sender was checked to afford it.</summary>
    public static Transferred Transfer(StateOverlay state, AccountId from, TransferCall call)
    {
        var sender = state.GetAccount(from);
        state.SetAccount(from, sender with { Free = sender.Free - call.Amount });
        var receiver = state.GetAccount(call.Destination);
        state.SetAccount(call.Destination, receiver with { Free = receiver.Free + call.Amount });
        return new Transferred(from, call.Destination, call.Amount);
    }
}
