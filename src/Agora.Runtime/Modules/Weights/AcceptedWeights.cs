using Agora.Runtime.State;

namespace Agora.Runtime.Modules.Weights;

/// <summary>Stores weights that passed every check: set directly or revealed, both end the same way.</summary>
internal static class AcceptedWeights
{
    /// <summary>Writes the max-upscaled row and the last update; returns the stored row.</summary>
    public static SparseU16Row Store(StateOverlay state, ushort netuid, ushort uid, ReadOnlySpan<ushort> uids, ReadOnlySpan<ushort> weights, ulong now)
    {
        var row = WeightsNormalisation.MaxUpscaledRow(uids, weights);
        WeightsState.SetRow(state, netuid, uid, row);
        WeightsState.SetLastUpdate(state, netuid, uid, now);
        return row;
    }
}
