namespace Agora.Protocol.Balances;

/// <summary>Why a balances call failed. Persisted in events: never renumber, only append.</summary>
public enum BalancesError : ushort
{
    /// <summary>The sender's free balance does not cover the amount.</summary>
    InsufficientBalance = 1,

    /// <summary>The amount is zero.</summary>
    ZeroAmount = 2,
}
