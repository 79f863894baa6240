using Agora.Core.Primitives;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Balances;

/// <summary>Moves balance between free and reserved (proposal and subnet locks). Callers check first; these only write.</summary>
public static class Reserves
{
    /// <summary>Moves <paramref name="amount"/> of <paramref name="account"/>'s free balance into reserved.</summary>
    public static void Reserve(StateOverlay state, AccountId account, Rao amount)
    {
        var info = state.GetAccount(account);
        state.SetAccount(account, info with { Free = info.Free - amount, Reserved = info.Reserved + amount });
    }

    /// <summary>Moves <paramref name="amount"/> of <paramref name="account"/>'s reserved balance back to free.</summary>
    public static void Unreserve(StateOverlay state, AccountId account, Rao amount)
    {
        var info = state.GetAccount(account);
        state.SetAccount(account, info with { Free = info.Free + amount, Reserved = info.Reserved - amount });
    }
}
