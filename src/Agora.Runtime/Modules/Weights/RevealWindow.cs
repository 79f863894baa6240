using Agora.Runtime.Modules.Epochs;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// Where a commit may be revealed (DESIGN §4a): in the blocks of epoch index <c>e + commit_reveal_period</c>, where
/// <c>e</c> is the commit block's index. Computed with the subnet's current tempo and period.
/// </summary>
/// <param name="FirstBlock">The first block of the window (the epoch block that opens it).</param>
/// <param name="LastBlock">The last block of the window.</param>
/// <param name="EpochIndex">The window's epoch index.</param>
public readonly record struct RevealWindow(ulong FirstBlock, ulong LastBlock, ulong EpochIndex)
{
    /// <summary>The window of a commit made in epoch index <paramref name="commitEpochIndex"/>.</summary>
    public static RevealWindow Of(ulong commitEpochIndex, ushort netuid, ulong tempo, ulong period)
    {
        var index = commitEpochIndex + period;
        return new(EpochSchedule.FirstBlockOf(index, netuid, tempo), EpochSchedule.LastBlockOf(index, netuid, tempo), index);
    }

    /// <summary>True when a block of epoch index <paramref name="blockEpochIndex"/> comes after the window.</summary>
    public bool HasPassed(ulong blockEpochIndex) => blockEpochIndex > EpochIndex;

    /// <summary>True when a block of epoch index <paramref name="blockEpochIndex"/> comes before the window.</summary>
    public bool IsAhead(ulong blockEpochIndex) => blockEpochIndex < EpochIndex;
}
