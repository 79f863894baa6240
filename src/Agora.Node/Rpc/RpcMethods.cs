using System.Collections.Concurrent;
using System.Text.Json;

namespace Agora.Node.Rpc;

/// <summary>
/// The registry of JSON-RPC methods: name → handler. Register at startup; lookups are lock-free.
/// <c>rpc_methods</c> (the list of names, as in Substrate) is built in.
/// </summary>
public sealed class RpcMethods
{
    private readonly ConcurrentDictionary<string, RpcSessionHandler> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RpcParams, object?>> _preparers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<JsonElement, bool>> _heavy = new(StringComparer.Ordinal);

    /// <summary>An empty registry holding only <c>rpc_methods</c>.</summary>
    public RpcMethods()
    {
        Register("rpc_methods", _ => new MethodList(Names));
    }

    /// <summary>The registered method names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers an asynchronous method. Throws if the name is already taken.</summary>
    public void Register(string name, RpcHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RegisterSessionHandler(name, (parameters, _, cancellationToken) => handler(parameters, cancellationToken));
    }

    /// <summary>Registers a synchronous method. Throws if the name is already taken.</summary>
    public void Register(string name, Func<RpcParams, object?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RegisterSessionHandler(name, (parameters, _, _) => ValueTask.FromResult(handler(parameters)));
    }

    /// <summary>
    /// Registers a synchronous method in two steps: <paramref name="prepare"/> is pure and thread-safe (e.g. decoding and
    /// signature checks) and, within a batch, runs for all the batch's calls of this method in parallel before any
    /// handler; <paramref name="handle"/> then runs for each call in batch order, as for any method. A single call runs
    /// both in turn. An exception from <paramref name="prepare"/> is thrown on the call's turn, as if from the handler.
    /// </summary>
    public void Register<TPrepared>(string name, Func<RpcParams, TPrepared> prepare, Func<RpcParams, TPrepared, object?> handle)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(handle);
        RegisterSessionHandler(name, (parameters, _, _) =>
        {
            var prepared = parameters.Prepared is { } done ? (TPrepared)done.Value! : prepare(parameters);
            return ValueTask.FromResult(handle(parameters, prepared));
        });
        _preparers[name] = parameters => prepare(parameters);
    }

    /// <summary>
    /// Marks a registered method as heavy (its answer can be megabytes, e.g. a whole block): requests calling it
    /// share RpcServerOptions.HeavyRequestsConcurrentMax slots. <paramref name="isHeavy"/>, given the call's raw
    /// <c>params</c> (undefined when absent), can exempt light forms of the method; without it every call is heavy.
    /// </summary>
    public void MarkHeavy(string name, Func<JsonElement, bool>? isHeavy = null)
    {
        if (!_handlers.ContainsKey(name))
        {
            throw new InvalidOperationException($"RPC method {name} is not registered; register it before marking it heavy");
        }

        _heavy[name] = isHeavy ?? (_ => true);
    }

    /// <summary>Whether a call of <paramref name="name"/> with <paramref name="parameters"/> is heavy (see <see cref="MarkHeavy"/>).</summary>
    public bool IsHeavy(string name, JsonElement parameters) => _heavy.TryGetValue(name, out var isHeavy) && isHeavy(parameters);

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _handlers.ContainsKey(name);

    internal void RegisterSessionHandler(string name, RpcSessionHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_handlers.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"RPC method {name} is registered twice; register each name once at startup");
        }
    }

    internal bool TryGet(string name, out RpcSessionHandler handler) => _handlers.TryGetValue(name, out handler!);

    internal bool TryGetPreparer(string name, out Func<RpcParams, object?> prepare) => _preparers.TryGetValue(name, out prepare!);

    /// <summary>The result of <c>rpc_methods</c>.</summary>
    private sealed record MethodList(IReadOnlyList<string> Methods);
}
