namespace Agora.Runtime.Modules.Epochs;

/// <summary>
/// When a subnet's epochs run (DESIGN §4a): subnet <c>netuid</c> runs its epoch in block <c>b</c> when
/// <c>(b + netuid + 1) % (tempo + 1) == 0</c>, so subnets are staggered; the epoch index of block <c>b</c> is
/// <c>(b + netuid + 1) / (tempo + 1)</c>, so the epoch block opens a new index.
/// </summary>
public static class EpochSchedule
{
    /// <summary>True when <paramref name="netuid"/> runs its epoch in <paramref name="block"/>.</summary>
    public static bool IsEpochBlock(ulong block, ushort netuid, ulong tempo) => (block + netuid + 1) % (tempo + 1) == 0;

    /// <summary>The epoch index of <paramref name="block"/> for <paramref name="netuid"/>.</summary>
    public static ulong EpochIndex(ulong block, ushort netuid, ulong tempo) => (block + netuid + 1) / (tempo + 1);

    /// <summary>
    /// The first block of epoch index <paramref name="index"/> (its epoch block), or 0 when that lies before block 0.
    /// </summary>
    public static ulong FirstBlockOf(ulong index, ushort netuid, ulong tempo)
    {
        var start = index * (tempo + 1);
        return start > netuid ? start - netuid - 1 : 0;
    }

    /// <summary>The last block of epoch index <paramref name="index"/> (the block before the next epoch block).</summary>
    public static ulong LastBlockOf(ulong index, ushort netuid, ulong tempo) => FirstBlockOf(index + 1, netuid, tempo) - 1;

    /// <summary>The next block at or after <paramref name="block"/> in which <paramref name="netuid"/> runs its epoch.</summary>
    public static ulong NextEpochBlock(ulong block, ushort netuid, ulong tempo)
    {
        var index = EpochIndex(block, netuid, tempo);
        return IsEpochBlock(block, netuid, tempo) ? block : FirstBlockOf(index + 1, netuid, tempo);
    }
}
