using Agora.Core.Primitives;
using Agora.Protocol.Emission;
using Agora.Protocol.Events;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Emission;

/// <summary>
/// Runtime version 1's emission: every block mints into the global pending pool, subnets or not. Kept so that blocks
/// of that version replay as they were made.
/// </summary>
public sealed class UnconditionalMint : IBlockHook
{
    /// <inheritdoc />
    public void OnInitialize(BlockContext context, StateOverlay state, ICollection<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Mint(state, context.Parameters) is { } minted)
        {
            events.Add(minted);
        }
    }

    /// <summary>Mints this block's emission into the pending pool; null when the cap is reached.</summary>
    internal static EmissionMinted? Mint(StateOverlay state, ChainParameters parameters)
    {
        var issuance = new Rao(state.GetU64(StateKeys.TotalIssuance));
        var emission = EmissionSchedule.BlockEmission(issuance, parameters);
        if (emission.Value == 0)
        {
            return null;
        }

        var newIssuance = issuance + emission;
        state.SetU64(StateKeys.TotalIssuance, newIssuance.Value);
        state.SetU64(StateKeys.PendingEmission, state.GetU64(StateKeys.PendingEmission) + emission.Value);
        return new EmissionMinted(emission, newIssuance);
    }
}
