using Agora.Core.Primitives;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.Modules.Weights;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Genesis;

/// <summary>
/// Builds the genesis state of a chain spec: balances (they count toward total issuance), the root subnet, any
/// genesis subnets (with any hyperparameter overrides), the genesis stakes, and the genesis neurons (uids from 0, registered at block 0) (out of their coldkeys' balances, each hotkey owned by its coldkey with the default take).
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
            SubnetState.SetHyperparameters(state, netuid, subnet.Hyperparameters ?? spec.Parameters.SubnetDefaults);
            SubnetState.SetEconomy(state, netuid, SubnetEconomy.Empty);
        }

        foreach (var stake in spec.Stakes)
        {
            AddStake(state, stake, spec.Parameters);
        }

        for (var i = 0; i < spec.Subnets.Count; i++)
        {
            RegisterNeurons(state, (ushort)(i + 1), spec.Subnets[i].Neurons, spec.Parameters);
        }

        return state.Changes;
    }

    // Genesis neurons hold uids 0, 1, … from block 0: owned hotkeys, staked like genesis stakes, weights last updated at 0.
    private static void RegisterNeurons(StateOverlay state, ushort netuid, IReadOnlyList<GenesisNeuron> neurons, ChainParameters parameters)
    {
        if (neurons.Count == 0)
        {
            return;
        }

        var maxUids = SubnetState.HyperparametersOf(state, netuid)!.MaxAllowedUids;
        if ((ulong)neurons.Count > maxUids)
        {
            throw new ArgumentException($"genesis registers {neurons.Count} neurons on netuid {netuid}, above its max_allowed_uids {maxUids}", nameof(neurons));
        }

        for (var i = 0; i < neurons.Count; i++)
        {
            var neuron = neurons[i];
            var uid = (ushort)i;
            if (NeuronState.UidOf(state, netuid, neuron.Hotkey) is not null)
            {
                throw new ArgumentException($"genesis registers hotkey {neuron.Hotkey} twice on netuid {netuid}", nameof(neurons));
            }

            if (neuron.Stake > Rao.Zero)
            {
                AddStake(state, new GenesisStake(neuron.Coldkey, neuron.Hotkey, netuid, neuron.Stake), parameters);
            }
            else
            {
                Own(state, neuron.Coldkey, neuron.Hotkey, parameters);
            }

            NeuronState.SetNeuron(state, netuid, uid, new NeuronInfo(neuron.Hotkey, 0));
            WeightsState.SetLastUpdate(state, netuid, uid, 0);
        }

        NeuronState.SetCount(state, netuid, (ushort)neurons.Count);
    }

    private static void AddStake(StateOverlay state, GenesisStake stake, ChainParameters parameters)
    {
        if (!SubnetState.Exists(state, stake.Netuid))
        {
            throw new ArgumentException($"genesis stake on netuid {stake.Netuid}, which genesis does not create", nameof(stake));
        }

        Own(state, stake.Coldkey, stake.Hotkey, parameters);

        var account = state.GetAccount(stake.Coldkey);
        if (account.Free < stake.Amount)
        {
            throw new ArgumentException($"genesis stake of {stake.Amount} exceeds {stake.Coldkey}'s genesis balance {account.Free}", nameof(stake));
        }

        state.SetAccount(stake.Coldkey, account with { Free = account.Free - stake.Amount });
        StakeLedger.Credit(state, stake.Coldkey, stake.Hotkey, stake.Netuid, stake.Amount, parameters);
    }

    // Makes coldkey the hotkey's owner (default take), or checks that it already is.
    private static void Own(StateOverlay state, AccountId coldkey, AccountId hotkey, ChainParameters parameters)
    {
        var owner = StakingState.Hotkey(state, hotkey)?.Owner;
        if (owner is { } existing && existing != coldkey)
        {
            throw new ArgumentException($"genesis stakes give hotkey {hotkey} two owners", nameof(hotkey));
        }

        if (owner is null)
        {
            state.Set(StakingKeys.Hotkey(hotkey), new HotkeyInfo(coldkey, parameters.TakeMax, 0, Rao.Zero).Encode());
        }
    }
}
