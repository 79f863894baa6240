using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Weights;

/// <summary>
/// A pending weights commit: the hash (DESIGN §4a commit-reveal), the block it was made in and that block's epoch
/// index, from which its reveal window follows.
/// </summary>
public sealed record WeightCommit(Hash256 Hash, ulong CommitBlock, ulong EpochIndex);
