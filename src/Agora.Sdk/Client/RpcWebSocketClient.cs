using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>
/// JSON-RPC over one WebSocket to an Agora node: calls and subscriptions
/// (<see cref="SubscribeAsync{T}"/>). Create with <see cref="ConnectAsync"/>; dispose to close cleanly.
/// </summary>
public sealed class RpcWebSocketClient : IRpcCaller, IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly ClientWebSocket _socket;
    private readonly RpcClientOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<long, WebSocketCall> _pending = new();
    private readonly ConcurrentDictionary<string, ISubscriptionSink> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private long _lastId;
    private int _closing;

    private RpcWebSocketClient(ClientWebSocket socket, Uri endpoint, RpcClientOptions options)
    {
        _socket = socket;
        Endpoint = endpoint;
        _options = options;
        _reading = ReadLoopAsync();
    }

    /// <summary>The node's WebSocket URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether calls can still be sent.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open && Volatile.Read(ref _closing) == 0;

    /// <summary>
    /// Connects to the node; <paramref name="endpoint"/> may be <c>ws://</c> or the node's <c>http://</c> URL.
    /// </summary>
    /// <exception cref="NodeUnreachableException">Nothing is listening there.</exception>
    public static async Task<RpcWebSocketClient> ConnectAsync(Uri endpoint, RpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RpcClientOptions();
        var url = ToWebSocketUrl(endpoint);
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.CallTimeout);
            await socket.ConnectAsync(url, timeout.Token);
        }
        catch (WebSocketException e)
        {
            socket.Dispose();
            throw new NodeUnreachableException(url, RpcClient.Describe(e), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new NodeUnreachableException(url, $"no WebSocket handshake within {options.CallTimeout.TotalSeconds:0.#} s", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RpcWebSocketClient(socket, url, options);
    }

    /// <inheritdoc />
    public async Task<T> CallAsync<T>(string method, object?[]? parameters = null, CancellationToken cancellationToken = default)
    {
        var result = await CallCoreAsync(method, parameters, onResult: null, cancellationToken);
        return RpcWire.Convert<T>(result, method);
    }

    /// <summary>
    /// Subscribes (e.g. <c>chain_subscribeNewHeads</c>/<c>chain_unsubscribeNewHeads</c>). The subscription is
    /// active when this returns; enumerate it for the results, dispose it to unsubscribe.
    /// </summary>
    public async Task<RpcSubscription<T>> SubscribeAsync<T>(
        string subscribeMethod, string unsubscribeMethod, object?[]? parameters = null, CancellationToken cancellationToken = default)
    {
        RpcSubscription<T>? subscription = null;
        await CallCoreAsync(
            subscribeMethod,
            parameters,
            result =>
            {
                var id = result.ValueKind == JsonValueKind.String ? result.GetString()! : result.GetRawText();
                subscription = new RpcSubscription<T>(this, id, subscribeMethod, unsubscribeMethod, _options.SubscriptionBufferMax);
                _subscriptions[id] = subscription;
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

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closed", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            await _reading.WaitAsync(CloseTimeout);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // The node is gone or slow to answer the close: abort below.
        }

        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // the read loop was started by this object
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
#pragma warning restore VSTHRD003
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    internal void Forget(string subscriptionId) => _subscriptions.TryRemove(subscriptionId, out _);

    private async Task<JsonElement> CallCoreAsync(string method, object?[]? parameters, Action<JsonElement>? onResult, CancellationToken cancellationToken)
    {
        if (!IsOpen)
        {
            throw new RpcConnectionClosedException(Endpoint, _socket.CloseStatus, _socket.CloseStatusDescription ?? "the client is closed");
        }

        var id = Interlocked.Increment(ref _lastId);
        var call = new WebSocketCall(onResult);
        _pending[id] = call;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.CallTimeout);
            await SendAsync(RpcWire.Request(id, method, parameters), timeout.Token);
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

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException)
        {
            throw new RpcConnectionClosedException(Endpoint, _socket.CloseStatus, _socket.CloseStatusDescription ?? e.Message);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield(); // let the constructor finish before the first receive
        Exception? failure = null;
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(chunk.AsMemory(), _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.Length + received.Count > _options.ResponseBytesMax)
                {
                    failure = new RpcProtocolException($"the node at {Endpoint} sent a message over ResponseBytesMax ({_options.ResponseBytesMax} bytes); raise the limit or ask for less");
                    break;
                }

                await message.WriteAsync(chunk.AsMemory(0, received.Count), _stop.Token);
                if (received.EndOfMessage)
                {
                    Handle(message.GetBuffer().AsMemory(0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // ended below
        }

        var closedByUs = Volatile.Read(ref _closing) != 0;
        Volatile.Write(ref _closing, 1);
        failure ??= closedByUs ? null : new RpcConnectionClosedException(Endpoint, _socket.CloseStatus, _socket.CloseStatusDescription);
        var callError = failure ?? new RpcConnectionClosedException(Endpoint, _socket.CloseStatus, "the client closed the connection");
        foreach (var call in _pending.Values)
        {
            call.Completion.TrySetException(callError);
        }

        foreach (var sink in _subscriptions.Values)
        {
            sink.Complete(failure);
        }

        _subscriptions.Clear();
    }

    private void Handle(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return; // not JSON-RPC; nothing can be matched to it
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (root.TryGetProperty("method", out _) && root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                Notify(parameters);
            }
            else if (root.TryGetProperty("id", out var id) && id.TryGetInt64(out var number) && _pending.TryRemove(number, out var call))
            {
                call.Deliver(root);
            }
        }
    }

    private void Notify(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("subscription", out var subscription) || !parameters.TryGetProperty("result", out var result))
        {
            return;
        }

        var id = subscription.ValueKind == JsonValueKind.String ? subscription.GetString()! : subscription.GetRawText();
        if (_subscriptions.TryGetValue(id, out var sink) && !sink.TryPush(result.Clone()))
        {
            _subscriptions.TryRemove(id, out _);
        }
    }

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
