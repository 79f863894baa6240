using Agora.Core.Primitives;
using Agora.Protocol.Subnets;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Neurons;
using Agora.Runtime.Modules.Staking;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>Launching and deregistering subnets, and choosing which subnet a full chain replaces.</summary>
public static class SubnetLifecycle
{
    /// <summary>Subnets with netuid ≥ 1.</summary>
    public static int Count(IStateReader state) => SubnetState.Netuids(state).Count(netuid => netuid != SubnetState.RootNetuid);

    /// <summary>The lowest netuid ≥ 1 that no subnet uses.</summary>
    public static ushort LowestFreeNetuid(IStateReader state)
    {
        ushort expected = 1;
        foreach (var netuid in SubnetState.Netuids(state))
        {
            if (netuid == SubnetState.RootNetuid)
            {
                continue;
            }

            if (netuid != expected)
            {
                break;
            }

            expected = checked((ushort)(expected + 1));
        }

        return expected;
    }

    /// <summary>
    /// The subnet a launch on a full chain replaces: the lowest stake EMA among subnets past their immunity (ties:
    /// lower netuid), or null when none is past it.
    /// </summary>
    public static ushort? ReplacementCandidate(IStateReader state, ulong now, ChainParameters parameters) =>
        PastImmunity(state, now, parameters).OrderBy(s => s.Ema.Value).ThenBy(s => s.Netuid).Select(s => (ushort?)s.Netuid).FirstOrDefault();

    /// <summary>
    /// Removes <paramref name="netuid"/>: every stake on it back to its coldkey's free balance, its undistributed
    /// emission and dust to the global pending pool, its lock to its owner; its neurons, weights and epoch state go
    /// (<see cref="SubnetNeuronsRemoval"/>).
    /// </summary>
    public static SubnetDeregistered Deregister(StateOverlay state, ushort netuid, DeregistrationReason reason, ulong now, ChainParameters parameters)
    {
        var info = SubnetState.Info(state, netuid) ?? throw new InvalidOperationException($"deregistering subnet {netuid}, which does not exist");
        var economy = SubnetState.Economy(state, netuid);
        var rank = (uint)PastImmunity(state, now, parameters)
            .Count(s => s.Ema < economy.EmaStake || (s.Ema == economy.EmaStake && s.Netuid < netuid)) + 1;

        var returned = Rao.Zero;
        foreach (var (hotkey, coldkey, stake) in StakingState.PositionsOn(state, netuid).ToArray())
        {
            StakeLedger.Debit(state, coldkey, hotkey, netuid, stake, parameters);
            var account = state.GetAccount(coldkey);
            state.SetAccount(coldkey, account with { Free = account.Free + stake });
            returned += stake;
        }

        var undistributed = economy.PendingEmission + economy.Dust;
        state.SetU64(StateKeys.PendingEmission, state.GetU64(StateKeys.PendingEmission) + undistributed.Value);
        Reserves.Unreserve(state, info.Owner, info.Lock);
        state.Delete(SubnetKeys.Info(netuid));
        state.Delete(SubnetKeys.Economy(netuid));
        state.Delete(SubnetKeys.HyperparametersOf(netuid));
        SubnetNeuronsRemoval.Remove(state, netuid);
        return new SubnetDeregistered(netuid, reason, economy.EmaStake, rank, returned, undistributed, info.Lock);
    }

    private static IEnumerable<(ushort Netuid, Rao Ema)> PastImmunity(IStateReader state, ulong now, ChainParameters parameters) =>
        state.Iterate(SubnetKeys.InfoPrefix)
            .Select(entry => (Netuid: StateKey.NetuidAt(entry.Key, SubnetKeys.InfoPrefix.Length), Info: SubnetInfo.Decode(entry.Value)))
            .Where(s => s.Netuid != SubnetState.RootNetuid && s.Info.RegisteredAt + parameters.SubnetImmunityBlocks <= now)
            .Select(s => (s.Netuid, SubnetState.Economy(state, s.Netuid).EmaStake));
}
