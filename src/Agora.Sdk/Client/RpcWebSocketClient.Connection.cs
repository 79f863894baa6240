using System.Net.WebSockets;
using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>The connection loop: reading messages, and reconnecting and resubscribing when the node goes away.</summary>
public sealed partial class RpcWebSocketClient
{
    private static async Task<ClientWebSocket> OpenAsync(Uri url, RpcClientOptions options, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.CallTimeout);
            await socket.ConnectAsync(url, timeout.Token);
            return socket;
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
    }

    /// <summary>Reads each connection until it ends; then reconnects and resubscribes, or ends every call and subscription.</summary>
    private async Task RunAsync(ClientWebSocket socket)
    {
        await Task.Yield(); // let the constructor finish before the first receive
        var resubscribe = false;
        while (true)
        {
            var reading = ReadLoopAsync(socket);
            if (resubscribe)
            {
                await ResubscribeAsync(socket);
                Volatile.Read(ref _connected).TrySetResult(socket);
            }

            var end = await reading;
            var closed = new RpcConnectionClosedException(Endpoint, end.Status, end.ClosedByUs ? "the client closed the connection" : end.Description);
            var reconnect = end.WorthReconnecting && _options.ReconnectTimeMax > TimeSpan.Zero;
            if (reconnect)
            {
                // New calls wait for the next connection from here on; those already sent cannot be answered.
                Volatile.Write(ref _connected, new TaskCompletionSource<ClientWebSocket>(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            FailPending(end.Failure ?? closed);
            _subscriptions.Clear();
            var next = reconnect ? await ReconnectAsync() : null;
            if (next is null)
            {
                var gaveUp = reconnect && Volatile.Read(ref _closing) == 0
                    ? new RpcConnectionClosedException(Endpoint, end.Status, $"{end.Description ?? "the connection dropped"}; reconnecting failed for {_options.ReconnectTimeMax.TotalSeconds:0.#} s (ReconnectTimeMax)")
                    : null;
                Finish(end.ClosedByUs || Volatile.Read(ref _closing) != 0 ? null : end.Failure ?? gaveUp ?? closed);
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                next.Dispose(); // disposed while reconnecting
                Finish(null);
                return;
            }

            socket.Dispose();
#pragma warning disable IDISP003 // the previous socket is the one just disposed above
            _socket = next;
#pragma warning restore IDISP003
            socket = next;
            resubscribe = true;
            Interlocked.Increment(ref _reconnects);
        }
    }

    private async Task<ConnectionEnd> ReadLoopAsync(ClientWebSocket socket)
    {
        Exception? failure = null;
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(chunk.AsMemory(), _stop.Token);
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

        return new ConnectionEnd(failure, Volatile.Read(ref _closing) != 0, socket.CloseStatus, socket.CloseStatusDescription);
    }

    /// <summary>Connects again with backoff until <see cref="RpcClientOptions.ReconnectTimeMax"/> passes; null when it does or the client is disposed.</summary>
    private async Task<ClientWebSocket?> ReconnectAsync()
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        window.CancelAfter(_options.ReconnectTimeMax);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(RetryBackoff.Delay(attempt, _options.RetryBackoffBase, _options.RetryBackoffMax, Random.Shared.NextDouble()), window.Token);
                return await OpenAsync(Endpoint, _options, window.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (NodeUnreachableException)
            {
                // still down: wait longer and try again
            }
        }
    }

    /// <summary>Subscribes every live subscription on the new connection; one the node now refuses ends with its error.</summary>
    private async Task ResubscribeAsync(ClientWebSocket socket)
    {
        ISubscriptionSink[] live;
        lock (_liveLock)
        {
            live = [.. _live];
        }

        foreach (var sink in live)
        {
            try
            {
                await CallCoreAsync(socket, sink.SubscribeMethod, sink.Parameters, result =>
                {
                    sink.Rebind(SubscriptionId(result));
                    _subscriptions[sink.Id] = sink;
                }, _stop.Token);
            }
            catch (RpcException e)
            {
                Forget(sink);
                sink.Complete(e);
            }
            catch (Exception e) when (e is RpcClientException or OperationCanceledException)
            {
                return; // this connection is gone too; the loop reconnects again or ends
            }
        }
    }

    private void FailPending(Exception error)
    {
        foreach (var call in _pending.Values)
        {
            call.Completion.TrySetException(error);
        }
    }

    /// <summary>Ends for good: calls fail, subscriptions end with <paramref name="failure"/> (normally when null).</summary>
    private void Finish(Exception? failure)
    {
        Volatile.Write(ref _closing, 1);
        var error = failure ?? new RpcConnectionClosedException(Endpoint, null, "the client closed the connection");
        var connected = Volatile.Read(ref _connected);
        if (!connected.TrySetException(error))
        {
            var ended = new TaskCompletionSource<ClientWebSocket>(TaskCreationOptions.RunContinuationsAsynchronously);
            ended.SetException(error);
            Volatile.Write(ref _connected, ended);
        }

        FailPending(error);
        ISubscriptionSink[] live;
        lock (_liveLock)
        {
            live = [.. _live];
            _live.Clear();
        }

        foreach (var sink in live)
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

        if (_subscriptions.TryGetValue(SubscriptionId(subscription), out var sink) && !sink.TryPush(result.Clone()))
        {
            Forget(sink);
        }
    }
}
