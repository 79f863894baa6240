using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>chain_getHeader</c> and the payload of <c>chain_newHead</c> notifications.</summary>
/// <param name="Number">Block number.</param>
/// <param name="Hash">Hash of this header.</param>
/// <param name="ParentHash">Hash of the parent block.</param>
/// <param name="StateRoot">Merkle root of the state after this block.</param>
/// <param name="ExtrinsicsRoot">Merkle root of the block's transactions.</param>
/// <param name="Author">The authority that produced the block (SS58 on the wire).</param>
public sealed record BlockHeader(ulong Number, Hash256 Hash, Hash256 ParentHash, Hash256 StateRoot, Hash256 ExtrinsicsRoot, AccountId Author);
