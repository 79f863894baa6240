using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Balances;

/// <summary>Fee payment. Callers validate first; this only writes.</summary>
public static class BalancesModule
{
    /// <summary>
    /// Takes fee and tip from <paramref name="payer"/> and bumps <paramref name="sender"/>'s nonce: the fee leaves total
    /// issuance (burned), the tip goes to the block author.
    /// </summary>
    public static TransactionFeePaid PayFee(StateOverlay state, AccountId sender, AccountId payer, Rao fee, Rao tip, AccountId author)
    {
        var senderAccount = state.GetAccount(sender);
        state.SetAccount(sender, senderAccount with { Nonce = checked(senderAccount.Nonce + 1) });
        var payerAccount = state.GetAccount(payer);
        state.SetAccount(payer, payerAccount with { Free = payerAccount.Free - fee - tip });
        state.SetU64(StateKeys.TotalIssuance, (new Rao(state.GetU64(StateKeys.TotalIssuance)) - fee).Value);
        if (tip.Value > 0)
        {
            var authorAccount = state.GetAccount(author);
            state.SetAccount(author, authorAccount with { Free = authorAccount.Free + tip });
        }

        return new TransactionFeePaid(payer, fee, tip);
    }
}
