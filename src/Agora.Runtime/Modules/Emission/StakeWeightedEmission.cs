using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Emission;

/// <summary>
/// Emission that follows stake (DESIGN §4a), at the start of every block: each subnet's stake EMA steps toward the
/// stake the previous block left; if some subnet (netuid ≥ 1) then has a non-zero EMA, the block mints, and the mint
/// plus the global pending pool plus the carried dust is split as <c>floor(E · ema_i / Σ ema)</c> into each subnet's
/// pending emission, the remainder carried as dust. Without an active subnet nothing is minted.
/// </summary>
public sealed class StakeWeightedEmission : IBlockHook
{
    /// <inheritdoc />
    public void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subnets = SubnetState.Economies(state).Where(s => s.Netuid != SubnetState.RootNetuid).ToArray();
        UInt128 emaTotal = 0;
        for (var i = 0; i < subnets.Length; i++)
        {
            var (netuid, economy) = subnets[i];
            var ema = StakeEma.Step(economy.EmaStake, economy.TotalStake, context.Parameters.StakeEmaK);
            subnets[i] = (netuid, economy with { EmaStake = ema });
            emaTotal += ema.Value;
        }

        if (emaTotal > 0 && UnconditionalMint.Mint(state, context.Parameters) is { } minted)
        {
            events.Add(minted);
        }

        if (emaTotal > 0)
        {
            Split(state, subnets, emaTotal);
        }

        foreach (var (netuid, economy) in subnets)
        {
            SubnetState.SetEconomy(state, netuid, economy);
        }
    }

    private static void Split(StateOverlay state, (ushort Netuid, SubnetEconomy Economy)[] subnets, UInt128 emaTotal)
    {
        var total = (UInt128)state.GetU64(StateKeys.PendingEmission) + state.GetU64(StateKeys.CarriedDust);
        UInt128 distributed = 0;
        for (var i = 0; i < subnets.Length; i++)
        {
            var (netuid, economy) = subnets[i];
            var share = (ulong)(total * economy.EmaStake.Value / emaTotal);
            distributed += share;
            subnets[i] = (netuid, economy with { PendingEmission = economy.PendingEmission + new Rao(share) });
        }

        state.SetU64(StateKeys.PendingEmission, 0);
        state.SetU64(StateKeys.CarriedDust, (ulong)(total - distributed));
    }
}
