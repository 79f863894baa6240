using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.System;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;

namespace Agora.Runtime.Execution;

/// <summary>
/// Executes one transaction over a block's state. A transaction that fails the transaction-level checks (signature,
/// era, nonce, fee) is rejected and writes nothing. One that passes them is included: its payer pays the fee, its
/// sender's nonce advances, and its call runs on a fork of the state; a failing call's fork is dropped and a
/// <see cref="CallFailed"/> event records why (Substrate's rule, so failing calls are not free to spam).
/// </summary>
public static class TransactionExecutor
{
    /// <summary>Applies <paramref name="transaction"/> to <paramref name="state"/>; null when included (the call may have failed: see <paramref name="callError"/>).</summary>
    public static TxRejection? Apply(
        SignedTransaction transaction, StateOverlay state, BlockContext context, bool signatureVerified, ICollection<RuntimeEvent> events, out CallError? callError)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        callError = null;
        var rejection = TransactionValidator.CheckStateless(transaction, context, signatureVerified)
            ?? TransactionValidator.CheckAgainstState(transaction, state, context);
        if (rejection is not null)
        {
            return rejection;
        }

        var payer = TransactionValidator.Payer(transaction, state, context, out _)!.Value;
        var fee = Fees.Compute(transaction, context.Parameters);
        events.Add(BalancesModule.PayFee(state, transaction.Sender, payer, fee, transaction.Body.Tip, context.Author));

        var handler = context.Rules.Handler(transaction.Body.Call.Tag)!;
        var fork = state.Fork();
        var callEvents = new List<RuntimeEvent>();
        callError = handler.Execute(transaction.Body.Call, new CallContext(context, transaction.Sender, payer), fork, callEvents);
        if (callError is null)
        {
            fork.CommitTo(state);
            foreach (var callEvent in callEvents)
            {
                events.Add(callEvent);
            }
        }
        else
        {
            events.Add(new CallFailed(callError.Module, callError.Code));
        }

        return null;
    }

    /// <summary>
    /// Admission's check: would <paramref name="transaction"/> be included with a successful call on top of
    /// <paramref name="state"/>? Writes nothing to <paramref name="state"/>. Null when yes; a future nonce whose payer is known
    /// and can pay fee and tip gives <see cref="TxError.FutureNonce"/> without running the call, which cannot be judged yet.
    /// </summary>
    public static TxRejection? CheckForAdmission(SignedTransaction transaction, StateOverlay state, BlockContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        var scratch = state.Fork();
        var rejection = Apply(transaction, scratch, context, signatureVerified: true, new List<RuntimeEvent>(), out var callError);
        return rejection ?? (callError is null ? null : TransactionValidator.RejectionFor(callError));
    }
}
