using Agora.Core.Primitives;
using Agora.Protocol.Transactions;

namespace Agora.Runtime.Modules.Balances;

/// <summary>Transaction fees: a base, a price per encoded byte and the call's weight. Burned when paid.</summary>
public static class Fees
{
    /// <summary>The fee of a transaction of <paramref name="encodedBytes"/> bytes carrying <paramref name="call"/>.</summary>
    public static Rao Compute(int encodedBytes, Call call, ChainParameters parameters) =>
        parameters.FeeBase + new Rao(checked(parameters.FeePerByte.Value * (ulong)encodedBytes)) + new Rao(call.WeightFeeRao);

    /// <summary>The fee of <paramref name="transaction"/>.</summary>
    public static Rao Compute(SignedTransaction transaction, ChainParameters parameters) =>
        Compute(transaction.Encoded.Length, transaction.Body.Call, parameters);
}
