using Agora.Core.Primitives;
using Agora.Protocol.Balances;
using Agora.Protocol.Modules;
using Agora.Protocol.Staking;
using Agora.Protocol.Transactions;
using Agora.Runtime.Modules;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.State;

namespace Agora.Runtime.Execution;

/// <summary>
/// Checks a transaction before anything is written: size, era, signature, that its runtime accepts the call, the
/// call's stateless checks, nonce, and that its payer can pay fee and tip. Pure; the mempool uses the same checks at
/// admission as block execution does. Whether the call then succeeds is decided by executing it
/// (<see cref="TransactionExecutor"/>).
/// </summary>
public static class TransactionValidator
{
    /// <summary>
    /// Checks that need no state: size, era window, and, unless <paramref name="signatureVerified"/> says admission did
    /// them already, the call's own stateless checks and the signature.
    /// </summary>
    public static TxRejection? CheckStateless(SignedTransaction transaction, BlockContext context, bool signatureVerified)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        if (transaction.Encoded.Length > parameters.TransactionBytesMax)
        {
            return new(TxError.TooLarge, $"transaction is {transaction.Encoded.Length} bytes; the limit is {parameters.TransactionBytesMax}");
        }

        var era = transaction.Body.Era;
        if (era.PeriodBlocks == 0 || era.PeriodBlocks > parameters.MortalityBlocksMax)
        {
            return new(TxError.InvalidEra, $"era period {era.PeriodBlocks} must be between 1 and {parameters.MortalityBlocksMax} blocks");
        }

        if (era.BirthBlock >= context.Number)
        {
            return new(TxError.BirthInFuture, $"era birth block {era.BirthBlock} is not before block {context.Number}; sign against the current best block");
        }

        if (context.Number > era.LastValidBlock)
        {
            return new(TxError.Expired, $"transaction expired after block {era.LastValidBlock} (now {context.Number}); sign it again");
        }

        if (context.Rules.Handler(transaction.Body.Call.Tag) is not { } handler)
        {
            return new(TxError.InvalidCall, $"call {transaction.Body.Call.Name} is not accepted by runtime version {context.RuntimeVersion}");
        }

        // The call's own stateless checks (a proof of possession is a signature check too) run where the signature
        // is checked: once at admission for pooled transactions, never again when the node builds its own block.
        if (!signatureVerified && handler.CheckStateless(transaction.Body.Call, transaction.Sender, context) is { } invalid)
        {
            return new(TxError.InvalidCall, invalid.ToString(), invalid);
        }

        if (!signatureVerified && !transaction.VerifySignature(context.GenesisHash))
        {
            return new(TxError.BadSignature, $"signature does not verify for {transaction.Sender} on the chain with genesis {context.GenesisHash}: wrong key, altered bytes, or signed for another chain");
        }

        return null;
    }

    /// <summary>
    /// The account that pays <paramref name="transaction"/>'s fee: its sender, or for a call a hotkey signs, the
    /// hotkey's owner. Null (with the rejection) when a hotkey has no owner.
    /// </summary>
    public static AccountId? Payer(SignedTransaction transaction, StateOverlay state, BlockContext context, out TxRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(context);
        rejection = null;
        if (context.Rules.Handler(transaction.Body.Call.Tag) is not { Signer: CallSigner.Hotkey })
        {
            return transaction.Sender;
        }

        if (StakingState.Hotkey(state, transaction.Sender) is { } hotkey)
        {
            return hotkey.Owner;
        }

        rejection = new(TxError.PayerUnknown,
            $"{transaction.Body.Call.Name} is signed by hotkey {transaction.Sender}, whose owning coldkey pays the fee, but no coldkey owns it; run `agora wallet associate-hotkey`");
        return null;
    }

    /// <summary>
    /// Checks nonce and that the payer can pay fee and tip against <paramref name="state"/>; null when the transaction can be
    /// included. A nonce ahead of the account's gives <see cref="TxError.FutureNonce"/> only once the payer is known and can pay.
    /// </summary>
    public static TxRejection? CheckAgainstState(SignedTransaction transaction, StateOverlay state, BlockContext context)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(state);
        var nonce = transaction.Body.Nonce;
        var accountNonce = state.GetAccount(transaction.Sender).Nonce;
        if (nonce < accountNonce)
        {
            return new(TxError.StaleNonce, $"nonce {nonce} was already used; the account's next nonce is {accountNonce}");
        }

        if (Payer(transaction, state, context, out var unknown) is not { } payer)
        {
            return unknown;
        }

        var fee = Fees.Compute(transaction, context.Parameters);
        var cost = (UInt128)fee.Value + transaction.Body.Tip.Value;
        var free = state.GetAccount(payer).Free;
        if (cost > free.Value)
        {
            var who = payer == transaction.Sender ? payer.ToString() : $"{payer} (owner of hotkey {transaction.Sender})";
            return new(TxError.InsufficientBalance, $"{who} has {free.ToTaoString()} TAO free but needs {FormatRao(cost)} TAO (fee {fee.ToTaoString()} + tip {transaction.Body.Tip.ToTaoString()})");
        }

        // After the payer check, so that a future nonce from a payer who cannot pay is refused as such, not pooled.
        if (nonce > accountNonce)
        {
            return new(TxError.FutureNonce, $"nonce {nonce} is ahead of the account's next nonce {accountNonce}");
        }

        return null;
    }

    /// <summary>
    /// The most <paramref name="transaction"/> can take from its payer's free balance if included on top of
    /// <paramref name="state"/>: fee, tip and the call's <see cref="CallHandler.PayerSpendMax"/>. The pool sums it over a
    /// payer's waiting transactions. The call's runtime version must accept the call (see <see cref="CheckStateless"/>).
    /// </summary>
    public static TransactionCost CostMax(SignedTransaction transaction, StateOverlay state, BlockContext context)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(context);
        var handler = context.Rules.Handler(transaction.Body.Call.Tag)
            ?? throw new InvalidOperationException($"call {transaction.Body.Call.Name} is not accepted by runtime version {context.RuntimeVersion}; CheckStateless refuses it first");
        return new TransactionCost(Fees.Compute(transaction, context.Parameters), transaction.Body.Tip,
            handler.PayerSpendMax(transaction.Body.Call, transaction.Sender, state, context));
    }

    /// <summary>The rejection admission gives a transaction whose call would fail now.</summary>
    public static TxRejection RejectionFor(CallError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var insufficient = error is { Module: ModuleId.Balances, Code: (ushort)BalancesError.InsufficientBalance }
            or { Module: ModuleId.Staking, Code: (ushort)StakingError.InsufficientBalance };
        return new(insufficient ? TxError.InsufficientBalance : TxError.InvalidCall, error.ToString(), error);
    }

    private static string FormatRao(UInt128 rao) => TransactionCost.FormatRao(rao);
}
