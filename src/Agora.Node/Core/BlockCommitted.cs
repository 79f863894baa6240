using Agora.Protocol.Blocks;
using Agora.Protocol.Events;

namespace Agora.Node.Core;

/// <summary>A block that became the new best block, with its events.</summary>
public sealed record BlockCommitted(Block Block, IReadOnlyList<EventRecord> Events);
