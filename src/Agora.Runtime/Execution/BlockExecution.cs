using Agora.Protocol.Events;
using Agora.Protocol.Transactions;
using Agora.Storage;

namespace Agora.Runtime.Execution;

/// <summary>
/// The result of executing a block over its parent state: the included transactions, the state changes
/// in key order (null value = delete) and the events.
/// </summary>
public sealed record BlockExecution(
    IReadOnlyList<SignedTransaction> Transactions,
    IReadOnlyList<StateChange> Changes,
    IReadOnlyList<EventRecord> Events);
