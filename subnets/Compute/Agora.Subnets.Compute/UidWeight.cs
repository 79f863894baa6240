namespace Agora.Subnets.Compute;

/// <summary>One entry of a <c>set_weights</c> call: a uid and its u16 weight.</summary>
/// <param name="Uid">The miner's uid on the subnet.</param>
/// <param name="Weight">Its weight; the chain normalises, so only ratios count.</param>
public readonly record struct UidWeight(ushort Uid, ushort Weight);
