using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Neurons;
using Agora.Protocol.Subnets;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Neurons;

/// <summary>
/// Moves each subnet's registration burn toward its registration target (DESIGN §3): in every block where
/// <c>block % adjustment_interval == 0</c>, before the block's transactions, the burn becomes
/// <c>burn · (registrations + target) / (2 · target)</c> (128-bit integers, floored), clamped to
/// [min_burn, max_burn], and the interval's registration count restarts. A change emits <see cref="BurnAdjusted"/>.
/// </summary>
public sealed class BurnAdjustment : IBlockHook
{
    /// <summary>The adjusted burn: <paramref name="burn"/> · (<paramref name="registrations"/> + <paramref name="target"/>) / (2 · target), clamped.</summary>
    public static Rao Adjust(Rao burn, uint registrations, ulong target, Rao minBurn, Rao maxBurn)
    {
        ArgumentOutOfRangeException.ThrowIfZero(target);
        var scaled = (UInt128)burn.Value * ((UInt128)registrations + target) / ((UInt128)target * 2);
        return scaled > maxBurn.Value ? maxBurn : scaled < minBurn.Value ? minBurn : new Rao((ulong)scaled);
    }

    /// <inheritdoc />
    public void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var netuid in SubnetState.Netuids(state).ToArray())
        {
            if (netuid == SubnetState.RootNetuid || SubnetState.HyperparametersOf(state, netuid) is not { } hyperparameters
                || context.Number % hyperparameters[HyperparameterId.AdjustmentInterval] != 0)
            {
                continue;
            }

            var before = NeuronState.Registration(state, netuid, context.Parameters);
            var target = hyperparameters[HyperparameterId.TargetRegistrationsPerInterval];
            var burn = Adjust(before.Burn, before.RegistrationsThisInterval, target,
                new Rao(hyperparameters[HyperparameterId.MinBurn]), new Rao(hyperparameters[HyperparameterId.MaxBurn]));
            var after = before with { Burn = burn, RegistrationsThisInterval = 0 };
            if (after == before)
            {
                continue;
            }

            NeuronState.SetRegistration(state, netuid, after);
            if (burn != before.Burn)
            {
                events.Add(new BurnAdjusted(netuid, before.Burn, burn, before.RegistrationsThisInterval, (ushort)target));
            }
        }
    }
}
