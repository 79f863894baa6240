using Agora.Runtime.Events;
using Agora.Runtime.Modules.Balances;
using Agora.Runtime.Modules.Emission;
using Agora.Runtime.State;
using Agora.Runtime.Transactions;
using Agora.Storage;

namespace Agora.Runtime.Execution;

/// <summary>
/// Executes one block over its parent state: initialisation (emission), then transactions one by one, each
/// validated completely before it writes. The producer feeds candidates and skips the rejected ones; an
/// importer requires every transaction to apply (see <see cref="BlockExecutor"/>).
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
        _context = context;
        _state = new StateOverlay(parentState);
        _state.SetU64(StateKeys.BlockNumber, context.Number);
        if (EmissionModule.OnInitialize(_state, context.Parameters) is { } minted)
        {
            _events.Add(new EventRecord(null, minted));
        }
    }

    /// <summary>The state as the block has left it so far.</summary>
    public StateOverlay State => _state;

    /// <summary>True when the block has room for <paramref name="transaction"/> under the count and byte limits.</summary>
    public bool HasRoomFor(SignedTransaction transaction) =>
        _transactions.Count < _context.Parameters.BlockTransactionCountMax
        && _transactionBytes + transaction.Encoded.Length <= _context.Parameters.BlockTransactionBytesMax;

    /// <summary>
    /// Validates and applies <paramref name="transaction"/>; on rejection nothing is written. Pass
    /// <paramref name="signatureVerified"/> = true only for transactions whose signature was checked at admission.
    /// </summary>
    public TxRejection? TryApply(SignedTransaction transaction, bool signatureVerified)
    {
        var rejection = TransactionValidator.CheckStateless(transaction, _context, signatureVerified)
            ?? TransactionValidator.CheckAgainstState(transaction, _state, _context);
        if (rejection is not null)
        {
            return rejection;
        }

        var index = _transactions.Count;
        var fee = Fees.Compute(transaction, _context.Parameters);
        _events.Add(new EventRecord(index, BalancesModule.PayFee(_state, transaction.Sender, fee, transaction.Body.Tip, _context.Author)));
        RuntimeEvent outcome = transaction.Body.Call switch
        {
            TransferCall transfer => BalancesModule.Transfer(_state, transaction.Sender, transfer),
            var other => throw new InvalidOperationException($"call {other.Tag} passed validation but has no handler"),
        };
        _events.Add(new EventRecord(index, outcome));
        _transactions.Add(transaction);
        _transactionBytes += transaction.Encoded.Length;
        return null;
    }

    /// <summary>Ends the block and returns what it did.</summary>
    public BlockExecution Finish() => new(_transactions.ToArray(), _state.Changes, _events.ToArray());
}
