using Agora.Core.Primitives;
using Agora.Runtime.Events;
using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Emission;

/// <summary>Mints each block's emission into the pending pool that subnets draw from.</summary>
public static class EmissionModule
{
    /// <summary>Mints this block's emission; returns null when the cap is reached.</summary>
    public static EmissionMinted? OnInitialize(StateOverlay state, ChainParameters parameters)
    {
        var issuance = new Rao(state.GetU64(StateKeys.TotalIssuance));
        var emission = EmissionSchedule.BlockEmission(issuance, parameters);
        if (emission.Value == 0)
        {
            return null;
        }

        var newIssuance = issuance + emission;
        state.SetU64(StateKeys.TotalIssuance, newIssuance.Value);
        state.SetU64(StateKeys.PendingEmission, (new Rao(state.GetU64(StateKeys.PendingEmission)) + emission).Value);
        return new EmissionMinted(emission, newIssuance);
    }
}
