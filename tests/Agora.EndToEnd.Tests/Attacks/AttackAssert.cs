using Agora.EndToEnd.Tests.Harness;
using Agora.Testing.Attacks;

namespace Agora.EndToEnd.Tests.Attacks;

/// <summary>What every attack test asserts of the node, during the attack and after it.</summary>
internal static class AttackAssert
{
    /// <summary>A block interval p99 above this many block times means production was held up.</summary>
    public const int IntervalP99BlockTimesMax = 3;

    /// <summary>Blocks a funded transfer may wait after the node admitted it.</summary>
    public const ulong InclusionBlocksMax = 2;

    /// <summary>
    /// Blocks kept their interval, <c>system_health</c> answered every time, funded transfers went in within
    /// <see cref="InclusionBlocksMax"/> blocks, the process lives, and its memory stayed under <paramref name="residentBytesMax"/>.
    /// </summary>
    public static void NodeServed(NodeObservation observation, NodeProcess node, long residentBytesMax, string phase)
    {
        var context = $"{phase}: {observation.Summary}";
        Assert.False(node.HasExited, $"the node died {phase}. Its log:\n{node.Log}");
        Assert.True(observation.BlockIntervalsMs.Count >= 2, $"too few blocks {context}");
        Assert.True(observation.BlockIntervalP99Ms <= IntervalP99BlockTimesMax * (long)AttackNode.BlockTimeMs, $"blocks were held up {context}");
        Assert.True(observation.HealthErrors.Count == 0, $"system_health failed {context}: {string.Join("; ", observation.HealthErrors.Take(3))}");
        Assert.True(observation.TransferErrors.Count == 0, $"funded transfers failed {context}: {string.Join("; ", observation.TransferErrors.Take(3))}");
        Assert.NotEmpty(observation.Transfers);
        Assert.True(observation.InclusionBlocksMax <= InclusionBlocksMax, $"a funded transfer waited too long {context}");
        Assert.True(observation.ResidentBytesPeak <= residentBytesMax, $"memory grew past {residentBytesMax / (1024 * 1024)} MiB {context}");
    }
}
