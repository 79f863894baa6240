using Agora.Protocol.Events;
using Agora.Protocol.Transactions;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Execution;

/// <summary>
/// Executes one block over its parent state: the runtime version's <c>on_initialize</c> hooks, then transactions
/// one by one (see <see cref="TransactionExecutor"/>), then the <c>on_finalize</c> hooks. The producer feeds
/// candidates and skips the rejected ones; an importer requires every transaction to be includable (see
/// <see cref="BlockExecutor"/>).
/// </summary>
public sealed class BlockBuilder
{
    private readonly BlockContext _context;
    private readonly StateOverlay _state;
    private readonly List<SignedTransaction> _transactions = [];
    private readonly List<EventRecord> _events = [];
    private int _transactionBytes;

    /// <summary>Starts block <see cref="BlockContext.Number"/> over <paramref name="parentState"/>.</summary>
    public BlockBuilder(IStateReader parentState, BlockContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _state = new StateOverlay(parentState);
        _state.SetU64(StateKeys.BlockNumber, context.Number);
        var events = new List<RuntimeEvent>();
        foreach (var hook in context.Rules.Hooks)
        {
            hook.OnInitialize(context, _state, events);
        }

        _events.AddRange(events.Select(e => new EventRecord(null, e)));
    }

    /// <summary>The state as the block has left it so far.</summary>
    public StateOverlay State => _state;

    /// <summary>True when the block has room for <paramref name="transaction"/> under the count and byte limits.</summary>
    public bool HasRoomFor(SignedTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return _transactions.Count < _context.Parameters.BlockTransactionCountMax
            && _transactionBytes + transaction.Encoded.Length <= _context.Parameters.BlockTransactionBytesMax;
    }

    /// <summary>
    /// Includes <paramref name="transaction"/> when it passes the transaction-level checks (its call may still fail,
    /// leaving only fee, nonce and a <c>CallFailed</c> event); on rejection nothing is written. Pass
    /// <paramref name="signatureVerified"/> = true only for transactions whose signature was checked at admission.
    /// </summary>
    public TxRejection? TryApply(SignedTransaction transaction, bool signatureVerified)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var events = new List<RuntimeEvent>();
        var rejection = TransactionExecutor.Apply(transaction, _state, _context, signatureVerified, events, out _);
        if (rejection is not null)
        {
            return rejection;
        }

        var index = _transactions.Count;
        _events.AddRange(events.Select(e => new EventRecord(index, e)));
        _transactions.Add(transaction);
        _transactionBytes += transaction.Encoded.Length;
        return null;
    }

    /// <summary>Runs the <c>on_finalize</c> hooks, ends the block and returns what it did.</summary>
    public BlockExecution Finish()
    {
        var events = new List<RuntimeEvent>();
        foreach (var hook in _context.Rules.Hooks)
        {
            hook.OnFinalize(_context, _state, events);
        }

        _events.AddRange(events.Select(e => new EventRecord(null, e)));
        return new(_transactions.ToArray(), _state.Changes, _events.ToArray());
    }
}
