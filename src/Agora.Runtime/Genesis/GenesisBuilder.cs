using Agora.Core.Primitives;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Genesis;

/// <summary>Builds the genesis state of a chain spec. Genesis balances count toward total issuance.</summary>
public static class GenesisBuilder
{
    /// <summary>The genesis state as a change set over empty state, in key order.</summary>
    public static IReadOnlyList<StateChange> BuildState(ChainSpec spec)
    {
        var state = new StateOverlay(EmptyState.Instance);
        var issuance = Rao.Zero;
        foreach (var balance in spec.Balances)
        {
            var account = state.GetAccount(balance.Account);
            state.SetAccount(balance.Account, account with { Free = account.Free + balance.Free });
            issuance += balance.Free;
        }

        if (issuance > spec.Parameters.SupplyCap)
        {
            throw new ArgumentException($"genesis balances total {issuance}, above the supply cap {spec.Parameters.SupplyCap}", nameof(spec));
        }

        state.SetU64(StateKeys.TotalIssuance, issuance.Value);
        state.SetU64(StateKeys.PendingEmission, 0);
        state.SetU64(StateKeys.CarriedDust, 0);
        state.SetU64(StateKeys.BlockNumber, 0);
        if (spec.Sudo is { } sudo)
        {
            state.Set(StateKeys.SudoKey, sudo.Bytes.ToArray());
        }

        return state.Changes;
    }
}
