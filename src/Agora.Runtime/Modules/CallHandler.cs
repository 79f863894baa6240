using Agora.Core.Primitives;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;
using Agora.Protocol.Transactions;
using Agora.Runtime.Execution;
using Agora.Runtime.State;
using Agora.Storage;

namespace Agora.Runtime.Modules;

/// <summary>
/// The rules of one call: its stateless check, who signs it, and its execution against state. A handler belongs to
/// a runtime version (see <see cref="RuntimeRules"/>); a rule change is a new handler, never an edit.
/// </summary>
public abstract class CallHandler
{
    /// <summary>The call this handler executes.</summary>
    public abstract CallTag Tag { get; }

    /// <summary>The module that owns the call; its errors carry this.</summary>
    public abstract ModuleId Module { get; }

    /// <summary>Which key signs the call, and so who pays its fee.</summary>
    public virtual CallSigner Signer => CallSigner.Account;

    /// <summary>Checks that need no state (cheap to run at admission, outside the node's lock). Null when fine.</summary>
    public abstract CallError? CheckStateless(Call call, AccountId sender, BlockContext context);

    /// <summary>
    /// The most free balance executing <paramref name="call"/> can take from its payer beyond fee and tip, given
    /// <paramref name="state"/>: a transfer's amount, a stake, a lock. The pool sums it, with fee and tip, over each
    /// payer's waiting transactions so that nothing waits that its payer cannot pay for. Zero for calls that spend nothing.
    /// </summary>
    public abstract Rao PayerSpendMax(Call call, AccountId sender, IStateReader state, BlockContext context);

    /// <summary>
    /// Checks <paramref name="call"/> against <paramref name="state"/> and, when every check passes, applies it and
    /// adds its events. Returns the error otherwise. It runs on a fork of the block's state that is dropped on an
    /// error, yet checks everything before its first write all the same (STYLE rule 2).
    /// </summary>
    public abstract CallError? Execute(Call call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events);
}

/// <summary>A <see cref="CallHandler"/> for calls of type <typeparamref name="TCall"/>.</summary>
public abstract class CallHandler<TCall> : CallHandler
    where TCall : Call
{
    /// <inheritdoc />
    public sealed override CallError? CheckStateless(Call call, AccountId sender, BlockContext context) => CheckStateless((TCall)call, sender, context);

    /// <inheritdoc />
    public sealed override CallError? Execute(Call call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events) =>
        Execute((TCall)call, context, state, events);

    /// <inheritdoc />
    public sealed override Rao PayerSpendMax(Call call, AccountId sender, IStateReader state, BlockContext context) =>
        PayerSpendMax((TCall)call, sender, state, context);

    /// <summary>The typed stateless check; none by default.</summary>
    protected virtual CallError? CheckStateless(TCall call, AccountId sender, BlockContext context) => null;

    /// <summary>The typed <see cref="CallHandler.PayerSpendMax"/>; nothing by default.</summary>
    protected virtual Rao PayerSpendMax(TCall call, AccountId sender, IStateReader state, BlockContext context) => Rao.Zero;

    /// <summary>The typed execution.</summary>
    protected abstract CallError? Execute(TCall call, CallContext context, StateOverlay state, ICollection<RuntimeEvent> events);
}
