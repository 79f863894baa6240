using System.Collections.Concurrent;

namespace Agora.Node.Rpc;

/// <summary>
/// The registry of JSON-RPC methods: name → handler. Register at startup; lookups are lock-free.
/// <c>rpc_methods</c> (the list of names, as in Substrate) is built in.
/// </summary>
public sealed class RpcMethods
{
    private readonly ConcurrentDictionary<string, RpcSessionHandler> _handlers = new(StringComparer.Ordinal);

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

    /// <summary>The result of <c>rpc_methods</c>.</summary>
    private sealed record MethodList(IReadOnlyList<string> Methods);
}
