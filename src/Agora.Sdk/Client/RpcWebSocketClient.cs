using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>
/// JSON-RPC over a WebSocket to an Agora node: calls and subscriptions (<see cref="SubscribeAsync{T}"/>).
/// Create with <see cref="ConnectAsync"/>; dispose to close cleanly. When the node goes away (restart, dropped
/// connection) the client reconnects with backoff for up to <see cref="RpcClientOptions.ReconnectTimeMax"/> and
/// subscribes its subscriptions again; calls made meanwhile wait for the new connection (within their timeout),
/// and reads cut off by the drop are retried (<see cref="RpcClientOptions.RetryCountMax"/>).
/// </summary>
public sealed partial class RpcWebSocketClient : IRpcCaller, IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly RpcClientOptions _options;
    private readonly RpcRetryPolicy _retry;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, WebSocketCall> _pending = new();
    private readonly ConcurrentDictionary<string, ISubscriptionSink> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _liveLock = new();
    private readonly List<ISubscriptionSink> _live = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private volatile ClientWebSocket _socket; // replaced only by the connection loop, after a reconnection
    private TaskCompletionSource<ClientWebSocket> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;
    private int _closing;
    private int _reconnects;

    private RpcWebSocketClient(ClientWebSocket socket, Uri endpoint, RpcClientOptions options)
    {
        _socket = socket;
        Endpoint = endpoint;
        _options = options;
        _retry = new RpcRetryPolicy(options, canRetry: () => IsOpen);
        _connected.SetResult(socket);
        _running = RunAsync(socket);
    }

    /// <summary>The node's WebSocket URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether calls can still be sent: not disposed, and not given up reconnecting (a call may wait for a reconnection).</summary>
    public bool IsOpen => Volatile.Read(ref _closing) == 0 && !Volatile.Read(ref _connected).Task.IsFaulted;

    /// <summary>How many times the client reconnected after losing the node.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>True while a connection is up (false while reconnecting).</summary>
    internal bool IsConnected => IsOpen && Volatile.Read(ref _connected).Task.IsCompletedSuccessfully && _socket.State == WebSocketState.Open;

    /// <summary>
    /// Connects to the node; <paramref name="endpoint"/> may be <c>ws://</c> or the node's <c>http://</c> URL.
    /// </summary>
    /// <exception cref="NodeUnreachableException">Nothing is listening there.</exception>
    public static async Task<RpcWebSocketClient> ConnectAsync(Uri endpoint, RpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RpcClientOptions();
        var url = ToWebSocketUrl(endpoint);
        var socket = await OpenAsync(url, options, cancellationToken);
        return new RpcWebSocketClient(socket, url, options);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each attempt waits at most <see cref="RpcClientOptions.CallTimeout"/> (including any wait for a reconnection);
    /// reads and submissions are retried after transient failures, then fail with <see cref="RpcRetriesExhaustedException"/>.
    /// </remarks>
    public Task<T> CallAsync<T>(string method, object?[]? parameters = null, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(
            method,
            parameters,
            async attempt => RpcWire.Convert<T>(await CallCoreAsync(null, method, parameters, onResult: null, attempt), method),
            cancellationToken);

    /// <summary>
    /// Subscribes (e.g. <c>chain_subscribeNewHeads</c>/<c>chain_unsubscribeNewHeads</c>). The subscription is
    /// active when this returns; enumerate it for the results, dispose it to unsubscribe. It survives reconnections
    /// (see <see cref="RpcSubscription{T}"/> for what is missed meanwhile).
    /// </summary>
    public async Task<RpcSubscription<T>> SubscribeAsync<T>(
        string subscribeMethod, string unsubscribeMethod, object?[]? parameters = null, CancellationToken cancellationToken = default)
    {
        RpcSubscription<T>? subscription = null;
        await CallCoreAsync(
            null,
            subscribeMethod,
            parameters,
            result =>
            {
                subscription = new RpcSubscription<T>(this, SubscriptionId(result), subscribeMethod, unsubscribeMethod, parameters, _options.SubscriptionBufferMax);
                _subscriptions[subscription.Id] = subscription;
                lock (_liveLock)
                {
                    _live.Add(subscription);
                }
            },
            cancellationToken);
        return subscription ?? throw new RpcProtocolException($"{subscribeMethod}: the node answered without a subscription id");
    }

    /// <summary>Closes the WebSocket with a close frame; open subscriptions end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        var socket = _socket;
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closed", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            else
            {
                await _stop.CancelAsync(); // reconnecting or already closed: nothing to say goodbye on
            }

            await _running.WaitAsync(CloseTimeout);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The node is gone or slow to answer the close: abort below.
        }

        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // the connection loop was started by this object
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
#pragma warning restore VSTHRD003
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    internal void Forget(ISubscriptionSink subscription)
    {
        _subscriptions.TryRemove(subscription.Id, out _);
        lock (_liveLock)
        {
            _live.Remove(subscription);
        }
    }

    /// <summary>One attempt of a call: on <paramref name="socket"/>, or on the current connection once there is one.</summary>
    private async Task<JsonElement> CallCoreAsync(ClientWebSocket? socket, string method, object?[]? parameters, Action<JsonElement>? onResult, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        var call = new WebSocketCall(onResult);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            socket ??= await ConnectedSocketAsync(timeout.Token);
            _pending[id] = call;
            if (socket.State != WebSocketState.Open)
            {
                // It dropped after this call picked it; the connection loop may already have failed the pending calls.
                throw new RpcConnectionClosedException(Endpoint, socket.CloseStatus, socket.CloseStatusDescription ?? "the connection dropped");
            }

            await SendAsync(socket, RpcWire.Request(id, method, parameters), timeout.Token);
            var response = await call.Completion.Task.WaitAsync(timeout.Token);
            return RpcWire.Result(response, method, Endpoint);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTimeoutException(Endpoint, method, _options.CallTimeout, e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task<ClientWebSocket> ConnectedSocketAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _closing) != 0)
        {
            throw new RpcConnectionClosedException(Endpoint, _socket.CloseStatus, "the client is closed");
        }

        return await Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);
    }

    private async Task SendAsync(ClientWebSocket socket, byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException)
        {
            throw new RpcConnectionClosedException(Endpoint, socket.CloseStatus, socket.CloseStatusDescription ?? e.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static string SubscriptionId(JsonElement result) =>
        result.ValueKind == JsonValueKind.String ? result.GetString()! : result.GetRawText();

    private static Uri ToWebSocketUrl(Uri endpoint)
    {
        var builder = new UriBuilder(endpoint);
        builder.Scheme = endpoint.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"'{endpoint}' is not a node URL; use ws://host:9944 or http://host:9944", nameof(endpoint)),
        };
        return builder.Uri;
    }
}
