using Agora.Core.Primitives;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.State;
using Agora.Runtime.Transactions;

namespace Agora.Runtime.Execution;

/// <summary>
/// Checks a transaction against a state before anything is written: size, era, signature, nonce, and that
/// the sender can pay. Pure; the mempool uses the same checks at admission as block execution does.
/// </summary>
public static class TransactionValidator
{
    /// <summary>Checks that do not depend on the sender's account: size, era window and (optionally) signature.</summary>
    public static TxRejection? CheckStateless(SignedTransaction transaction, BlockContext context, bool signatureVerified)
    {
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

        if (!signatureVerified && !transaction.VerifySignature(context.GenesisHash))
        {
            return new(TxError.BadSignature, $"signature does not verify for {transaction.Sender} on the chain with genesis {context.GenesisHash}: wrong key, altered bytes, or signed for another chain");
        }

        return null;
    }

    /// <summary>Checks nonce and funds against <paramref name="state"/>; null when the transaction can be applied.</summary>
    public static TxRejection? CheckAgainstState(SignedTransaction transaction, StateOverlay state, BlockContext context)
    {
        var account = state.GetAccount(transaction.Sender);
        var nonce = transaction.Body.Nonce;
        if (nonce < account.Nonce)
        {
            return new(TxError.StaleNonce, $"nonce {nonce} was already used; the account's next nonce is {account.Nonce}");
        }

        if (nonce > account.Nonce)
        {
            return new(TxError.FutureNonce, $"nonce {nonce} is ahead of the account's next nonce {account.Nonce}");
        }

        var fee = Fees.Compute(transaction, context.Parameters);
        var cost = (UInt128)fee.Value + transaction.Body.Tip.Value + CallCost(transaction.Body.Call).Value;
        if (cost > account.Free.Value)
        {
            return new(TxError.InsufficientBalance, $"{transaction.Sender} has {account.Free.ToTaoString()} TAO free but needs {FormatRao(cost)} TAO (fee {fee.ToTaoString()} + tip {transaction.Body.Tip.ToTaoString()} + amount)");
        }

        return transaction.Body.Call switch
        {
            TransferCall { Amount.Value: 0 } => new(TxError.InvalidCall, "transfer amount is zero; send at least 1 rao"),
            _ => null,
        };
    }

    private static Rao CallCost(Call call) => call switch
    {
        TransferCall transfer => transfer.Amount,
        _ => Rao.Zero,
    };

    private static string FormatRao(UInt128 rao) => rao > ulong.MaxValue ? "more than exists" : new Rao((ulong)rao).ToTaoString();
}
