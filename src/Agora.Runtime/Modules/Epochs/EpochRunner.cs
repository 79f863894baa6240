using Agora.Protocol.Events;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Subnets;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// Runs the epochs due in a block (DESIGN §4a block order: after the stake EMA, the mint and the split, so each epoch
/// pays what the split just added): every subnet netuid ≥ 1, in ascending order, for which
/// <see cref="EpochSchedule.IsEpochBlock"/> holds with its tempo. See <see cref="SubnetEpoch"/> for one subnet's epoch.
/// </summary>
public sealed class EpochRunner : IBlockHook
{
    /// <inheritdoc />
    public void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);

        // Materialised first: the epochs write to the state the enumeration reads.
        foreach (var netuid in SubnetState.Netuids(state).Where(n => n != SubnetState.RootNetuid).ToArray())
        {
            if (SubnetState.HyperparametersOf(state, netuid) is { } hyperparameters && EpochSchedule.IsEpochBlock(context.Number, netuid, hyperparameters.Tempo))
            {
                SubnetEpoch.Run(state, netuid, context.Number, hyperparameters, context.Parameters, events);
            }
        }
    }
}
