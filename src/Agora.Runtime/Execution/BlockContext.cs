using Agora.Core.Primitives;

namespace Agora.Runtime.Execution;

/// <summary>Everything a block's execution may know about its surroundings, passed in as data.</summary>
/// <param name="Number">The block's number.</param>
/// <param name="TimestampMs">The block's timestamp from its header.</param>
/// <param name="Author">The block's author, who receives tips.</param>
/// <param name="GenesisHash">The chain's genesis hash, part of every signed payload.</param>
/// <param name="Parameters">The chain's consensus constants.</param>
/// <param name="RuntimeVersion">The rules the block runs under (<see cref="Agora.Runtime.RuntimeVersion"/>).</param>
public sealed record BlockContext(ulong Number, ulong TimestampMs, AccountId Author, Hash256 GenesisHash, ChainParameters Parameters, uint RuntimeVersion = Agora.Runtime.RuntimeVersion.Current)
{
    /// <summary>The rules of <see cref="RuntimeVersion"/>.</summary>
    public RuntimeRules Rules => RuntimeRules.For(RuntimeVersion);
}
