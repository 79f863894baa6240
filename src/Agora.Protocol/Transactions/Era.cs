namespace Agora.Protocol.Transactions;

/// <summary>
/// Mortality: a transaction signed at best block <see cref="BirthBlock"/> may be included in blocks
/// <c>BirthBlock + 1</c> through <c>BirthBlock + PeriodBlocks</c>, never after.
/// </summary>
public readonly record struct Era(ulong BirthBlock, uint PeriodBlocks)
{
    /// <summary>The last block number that may include the transaction.</summary>
    public ulong LastValidBlock => BirthBlock + PeriodBlocks;
}
