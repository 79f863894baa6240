namespace Agora.Yuma.Steps;

/// <summary>Step 1: who is inactive, which weights are outdated, who registered since the last epoch.</summary>
internal static class ActivityStep
{
    /// <summary><c>inactive[i] = last_update[i] + activity_cutoff &lt; current_block</c> (saturating add, strict).</summary>
    public static bool[] Inactive(ReadOnlySpan<NeuronState> neurons, ulong activityCutoff, ulong currentBlock)
    {
        var inactive = new bool[neurons.Length];
        for (var i = 0; i < neurons.Length; i++)
        {
            var lastUpdate = neurons[i].LastUpdate;
            var horizon = lastUpdate > ulong.MaxValue - activityCutoff ? ulong.MaxValue : lastUpdate + activityCutoff;
            inactive[i] = horizon < currentBlock;
        }

        return inactive;
    }

    /// <summary>
    /// <c>outdated[i][j] = last_update[i] &lt;= block_at_registration[j]</c>: i set its weights before j (re)registered,
    /// so they were meant for j's predecessor.
    /// </summary>
    public static bool IsOutdated(ulong lastUpdateOfRow, ulong registrationOfColumn) => lastUpdateOfRow <= registrationOfColumn;

    /// <summary>
    /// <c>recent[j] = block_at_registration[j] &gt; last_epoch_block</c>, where a missing last epoch block means
    /// <c>current_block − tempo − 1</c> (when that is negative everyone is recent).
    /// </summary>
    public static bool[] RecentlyRegistered(ReadOnlySpan<NeuronState> neurons, ulong? lastEpochBlock, ulong currentBlock, ulong tempo)
    {
        var recent = new bool[neurons.Length];
        for (var j = 0; j < neurons.Length; j++)
        {
            var registered = neurons[j].BlockAtRegistration;
            recent[j] = lastEpochBlock is { } last
                ? registered > last
                : registered >= (currentBlock > tempo ? currentBlock - tempo : 0);
        }

        return recent;
    }
}
