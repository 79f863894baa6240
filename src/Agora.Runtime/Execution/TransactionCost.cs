using Agora.Core.Primitives;

namespace Agora.Runtime.Execution;

/// <summary>
/// The most a transaction can take from its payer's free balance: fee, tip, and what its call can spend (a transfer's
/// amount, a stake, a lock). See <see cref="TransactionValidator.CostMax"/>.
/// </summary>
/// <param name="Fee">The fee the chain charges.</param>
/// <param name="Tip">The tip the sender offers the author.</param>
/// <param name="CallSpend">The most the call can take from the payer's free balance, given the state it was judged on.</param>
public readonly record struct TransactionCost(Rao Fee, Rao Tip, Rao CallSpend)
{
    /// <summary>Fee + tip + call spend; wider than a balance, since the three together may exceed what exists.</summary>
    public UInt128 Total => (UInt128)Fee.Value + Tip.Value + CallSpend.Value;

    /// <summary>The total in TAO, or "more than exists" when it exceeds the largest balance.</summary>
    public string TotalText => FormatRao(Total);

    /// <summary>The breakdown, e.g. "fee 0.000001 + tip 0 + call 5 TAO".</summary>
    public override string ToString() => $"fee {Fee.ToTaoString()} + tip {Tip.ToTaoString()} + call {CallSpend.ToTaoString()} TAO";

    /// <summary>Formats a sum of rao that may exceed the largest balance.</summary>
    public static string FormatRao(UInt128 rao) => rao > ulong.MaxValue ? "more than exists" : new Rao((ulong)rao).ToTaoString();
}
