using Agora.Core.Codec;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Protocol.Blocks;
using Agora.Protocol.Transactions;
using Agora.Runtime;
using Agora.Runtime.Execution;
using Agora.Runtime.State;

namespace Agora.Node.Core;

/// <summary>
/// The node's state machine: admits transactions into the pool and produces blocks from it. All mutation is
/// serialised through one gate; signature checks, the expensive part of admission, run outside it so
/// submissions verify in parallel.
/// </summary>
public sealed class NodeCore
{
    private readonly Lock _gate = new();
    private readonly ChainStore _chain;
    private readonly KeyPair? _authority;
    private readonly Mempool _mempool;
    private readonly TimeProvider _time;

    /// <summary>Creates the core over an opened chain; <paramref name="authority"/> is null for a node that does not author.</summary>
    public NodeCore(ChainStore chain, KeyPair? authority, MempoolLimits limits, TimeProvider time)
    {
        if (authority is not null && authority.Account != chain.Spec.Authority)
        {
            throw new ArgumentException($"the authority key {authority.Account} is not this chain's authority {chain.Spec.Authority}", nameof(authority));
        }

        _chain = chain;
        _authority = authority;
        _mempool = new Mempool(limits);
        _time = time;
    }

    /// <summary>Raised after each committed block, on the producing thread.</summary>
    public event Action<BlockCommitted>? BlockCommitted;

    /// <summary>The chain this core extends.</summary>
    public ChainStore Chain => _chain;

    /// <summary>Transactions waiting in the pool.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _mempool.Count;
            }
        }
    }

    /// <summary>Duration of the last block production, in milliseconds.</summary>
    public double LastBlockProductionMs { get; private set; }

    /// <summary>The best block's header.</summary>
    public BlockHeader Best
    {
        get
        {
            lock (_gate)
            {
                return _chain.Best;
            }
        }
    }

    /// <summary>The account record at the best block.</summary>
    public AccountInfo GetAccount(AccountId account)
    {
        lock (_gate)
        {
            return new StateOverlay(_chain.State).GetAccount(account);
        }
    }

    /// <summary>Reads from the best state under the gate.</summary>
    public T Read<T>(Func<ChainStore, T> read)
    {
        lock (_gate)
        {
            return read(_chain);
        }
    }

    /// <summary>
    /// Reads the state after block <paramref name="number"/> (null: the best block); null when the chain has no
    /// such block yet. The best block's flat state is read under the gate; an older block's state, which never
    /// changes, is read from its state root outside it, so a long query of the past does not delay block production.
    /// </summary>
    /// <example><c>node.ReadAt(block, at => Metagraph(at.State, netuid, at.Header.Number)) ?? throw UnknownBlock(block)</c></example>
    public T? ReadAt<T>(ulong? number, Func<StateAtBlock, T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        StateAtBlock past;
        lock (_gate)
        {
            if (_chain.StateAt(number ?? _chain.Best.Number) is not { } at)
            {
                return null;
            }

            if (at.Header.Number == _chain.Best.Number)
            {
                return read(at);
            }

            past = at;
        }

        return read(past);
    }

    /// <summary>
    /// Decodes, checks and pools a transaction. Bad bytes, a bad signature, a used nonce, too little balance or a
    /// full pool give a specific rejection; nothing else changes.
    /// </summary>
    public SubmitResult Submit(ReadOnlySpan<byte> encoded) => Admit(Prepare(encoded));

    /// <summary>Checks and pools a decoded transaction (see <see cref="Submit(ReadOnlySpan{byte})"/>).</summary>
    public SubmitResult Submit(SignedTransaction transaction) => Admit(Prepare(transaction));

    /// <summary>
    /// The first half of <see cref="Submit(ReadOnlySpan{byte})"/>: decoding and the checks that need no state (size,
    /// era, signature). Takes no lock and changes nothing, so callers may prepare many transactions in parallel and
    /// then <see cref="Admit"/> them in order.
    /// </summary>
    public PreparedTransaction Prepare(ReadOnlySpan<byte> encoded)
    {
        var parameters = _chain.Parameters;
        if (encoded.Length > parameters.TransactionBytesMax)
        {
            return PreparedTransaction.Rejected(new TxRejection(TxError.TooLarge, $"transaction is {encoded.Length} bytes; the limit is {parameters.TransactionBytesMax}"));
        }

        SignedTransaction transaction;
        try
        {
            transaction = SignedTransaction.Decode(encoded, parameters.TransactionBytesMax);
        }
        catch (CodecException e)
        {
            return PreparedTransaction.Rejected(new TxRejection(TxError.Malformed, e.Message));
        }

        return Prepare(transaction);
    }

    /// <summary>The stateless checks of a decoded transaction (see <see cref="Prepare(ReadOnlySpan{byte})"/>).</summary>
    public PreparedTransaction Prepare(SignedTransaction transaction)
    {
        var context = NextContext(Best);
        return TransactionValidator.CheckStateless(transaction, context, signatureVerified: false) is { } invalid
            ? PreparedTransaction.Rejected(invalid)
            : PreparedTransaction.Verified(transaction);
    }

    /// <summary>
    /// The second half of <see cref="Submit(ReadOnlySpan{byte})"/>: the checks against the best state and the pool,
    /// under the gate. Signatures were checked by <see cref="Prepare(SignedTransaction)"/> and are not checked again.
    /// </summary>
    public SubmitResult Admit(PreparedTransaction prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Transaction is not { } transaction)
        {
            return new SubmitResult(null, prepared.Rejection);
        }

        lock (_gate)
        {
            var state = new StateOverlay(_chain.State);
            var context = NextContext(_chain.Best);

            // A future nonce gets here only once its payer is known and can pay fee and tip (CheckAgainstState checks
            // that first); the pool then sums what all of the payer's waiting transactions can take.
            var rejection = TransactionExecutor.CheckForAdmission(transaction, state, context);
            if (rejection is not null && rejection.Error != TxError.FutureNonce)
            {
                return new SubmitResult(null, rejection);
            }

            rejection = _mempool.Add(transaction, state.GetAccount(transaction.Sender).Nonce, ChargeFor(transaction, state, context));
            return rejection is null ? new SubmitResult(transaction.Hash, null) : new SubmitResult(null, rejection);
        }
    }

    /// <summary>The fee the chain would charge for <paramref name="transaction"/>.</summary>
    public Rao QueryFee(SignedTransaction transaction) => Runtime.Modules.Balances.Fees.Compute(transaction, _chain.Parameters);

    /// <summary>
    /// Builds, seals and commits the next block from the pool. Pooled transactions were verified at admission,
    /// so their signatures are not checked again.
    /// </summary>
    public BlockCommitted ProduceBlock()
    {
        var authority = _authority ?? throw new InvalidOperationException("this node has no authority key and cannot produce blocks");
        var started = _time.GetTimestamp();
        BlockCommitted committed;
        lock (_gate)
        {
            var parent = _chain.Best;
            var timestamp = Math.Max((ulong)_time.GetUtcNow().ToUnixTimeMilliseconds(), parent.TimestampMs + 1);
            var context = new BlockContext(parent.Number + 1, timestamp, authority.Account, _chain.GenesisHash, _chain.Parameters);
            var builder = new BlockBuilder(_chain.State, context);
            var failed = new List<Hash256>();
            foreach (var transaction in _mempool.ReadyTransactions())
            {
                if (!builder.HasRoomFor(transaction))
                {
                    break;
                }

                if (builder.TryApply(transaction, signatureVerified: true) is { Error: not TxError.FutureNonce })
                {
                    failed.Add(transaction.Hash);
                }
            }

            var execution = builder.Finish();
            var block = _chain.Commit(execution, root => new Block(
                new BlockHeader(context.Number, parent.Hash, root, ExtrinsicsRoot.Compute(execution.Transactions.Select(t => t.Hash).ToArray()),
                    timestamp, RuntimeVersion.Current, authority.Account).SealWith(authority),
                execution.Transactions));

            foreach (var hash in failed)
            {
                _mempool.Remove(hash);
            }

            var newState = new StateOverlay(_chain.State);
            _mempool.Prune(execution.Transactions.Select(t => t.Sender), sender => newState.GetAccount(sender).Nonce, context.Number + 1);
            _mempool.Recheck(AccountsChanged(execution), payer => newState.GetAccount(payer).Free);
            committed = new BlockCommitted(block, execution.Events);
        }

        LastBlockProductionMs = _time.GetElapsedTime(started).TotalMilliseconds;
        BlockCommitted?.Invoke(committed);
        return committed;
    }

    private static TransactionCharge ChargeFor(SignedTransaction transaction, StateOverlay state, BlockContext context)
    {
        var payer = TransactionValidator.Payer(transaction, state, context, out var unknown)
            ?? throw new InvalidOperationException($"admission passed a transaction without a payer: {unknown?.Message}");
        return new TransactionCharge(payer, state.GetAccount(payer).Free, TransactionValidator.CostMax(transaction, state, context),
            payer == transaction.Sender ? null : transaction.Sender);
    }

    // The accounts whose record the block wrote: the payers whose pooled transactions may no longer fit their balance.
    private static IEnumerable<AccountId> AccountsChanged(BlockExecution execution) =>
        execution.Changes
            .Where(c => c.Key.Length == StateKeys.AccountPrefix.Length + AccountId.Size && c.Key.AsSpan().StartsWith(StateKeys.AccountPrefix))
            .Select(c => new AccountId(c.Key.AsSpan(StateKeys.AccountPrefix.Length)));

    private BlockContext NextContext(BlockHeader best) =>
        new(best.Number + 1, best.TimestampMs + _chain.Spec.BlockTimeMs, _authority?.Account ?? _chain.Spec.Authority, _chain.GenesisHash, _chain.Parameters);
}
