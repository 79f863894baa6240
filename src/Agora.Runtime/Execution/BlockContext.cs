using Agora.Core.Primitives;

namespace Agora.Runtime.Execution;

/// <summary>Everything a block's execution may know about its surroundings, passed in as data.</summary>
public sealed record BlockContext(ulong Number, ulong TimestampMs, AccountId Author, Hash256 GenesisHash, ChainParameters Parameters);
