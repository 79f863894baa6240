using Agora.Protocol.Blocks;
using Agora.Runtime;
using Agora.Storage;

namespace Agora.Node.Core;

/// <summary>
/// The state after a canonical block, with the block's header: what a query "at block N" reads.
/// </summary>
/// <param name="Header">The block's header (its number, hash and state root).</param>
/// <param name="State">
/// Point reads of the state after the block: the flat best state for the best block (valid until the next block is
/// committed), a <see cref="Storage.Tree.StateAtRoot"/> over the block's state root for an older one (valid for
/// good: past state is never pruned yet).
/// </param>
/// <param name="Parameters">The chain's consensus parameters.</param>
public sealed record StateAtBlock(BlockHeader Header, IStateLookup State, ChainParameters Parameters);
