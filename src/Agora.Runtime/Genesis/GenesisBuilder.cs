using Agora.Core.Primitives;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Genesis;

/// <summary>
/// Builds the genesis state of a chain spec: balances (they count toward total issuance), the root subnet, any
/// genesis subnets, and the genesis stakes (out of their coldkeys' balances, each hotkey owned by its coldkey with the default take).
/// </summary>
public static class GenesisBuilder
{
    /// <summary>The name of the root subnet (netuid 0).</summary>
    public const string RootName = "root";

    /// <summary>The genesis state as a change set over empty state, in key order.</summary>
    public static IReadOnlyList<StateChange> BuildState(ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
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

        SubnetState.SetInfo(state, SubnetState.RootNetuid, new SubnetInfo(RootName, "governance stake: no neurons, no emission", spec.Authority, spec.Authority, Rao.Zero, 0));
        SubnetState.SetEconomy(state, SubnetState.RootNetuid, SubnetEconomy.Empty);
        if (spec.Subnets.Count > spec.Parameters.SubnetCountMax)
        {
            throw new ArgumentException($"genesis creates {spec.Subnets.Count} subnets, above max_subnets {spec.Parameters.SubnetCountMax}", nameof(spec));
        }

        foreach (var subnet in spec.Subnets)
        {
            var netuid = SubnetLifecycle.LowestFreeNetuid(state);
            SubnetState.SetInfo(state, netuid, new SubnetInfo(subnet.Name, "", subnet.Owner, subnet.OwnerHotkey, Rao.Zero, 0));
            SubnetState.SetHyperparameters(state, netuid, spec.Parameters.SubnetDefaults);
            SubnetState.SetEconomy(state, netuid, SubnetEconomy.Empty);
        }

        foreach (var stake in spec.Stakes)
        {
            AddStake(state, stake, spec.Parameters);
        }

        return state.Changes;
    }

    private static void AddStake(StateOverlay state, GenesisStake stake, ChainParameters parameters)
    {
        if (!SubnetState.Exists(state, stake.Netuid))
        {
            throw new ArgumentException($"genesis stake on netuid {stake.Netuid}, which genesis does not create", nameof(stake));
        }

        var owner = StakingState.Hotkey(state, stake.Hotkey)?.Owner;
        if (owner is { } existing && existing != stake.Coldkey)
        {
            throw new ArgumentException($"genesis stakes give hotkey {stake.Hotkey} two owners", nameof(stake));
        }

        if (owner is null)
        {
            state.Set(StakingKeys.Hotkey(stake.Hotkey), new HotkeyInfo(stake.Coldkey, parameters.TakeMax, 0, Rao.Zero).Encode());
        }

        var account = state.GetAccount(stake.Coldkey);
        if (account.Free < stake.Amount)
        {
            throw new ArgumentException($"genesis stake of {stake.Amount} exceeds {stake.Coldkey}'s genesis balance {account.Free}", nameof(stake));
        }

        state.SetAccount(stake.Coldkey, account with { Free = account.Free - stake.Amount });
        StakeLedger.Credit(state, stake.Coldkey, stake.Hotkey, stake.Netuid, stake.Amount, parameters);
    }
}
