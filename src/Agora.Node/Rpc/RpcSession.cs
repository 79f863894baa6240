using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// One WebSocket connection: a read loop that runs requests in order, and a write loop that sends
/// responses and notifications from one queue (a WebSocket allows one sender at a time). The queue is
/// bounded in bytes and messages: a subscriber past the bound is cut off, a client not reading its responses
/// is not read further until it does.
/// </summary>
internal sealed class RpcSession : IDisposable
{
    /// <summary>RFC 6455 allows at most 123 bytes of close reason.</summary>
    private const int CloseReasonBytesMax = 123;
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly SubscriptionHub _hub;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<OutgoingMessage> _outgoing;
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<Subscription> _pendingActivation = [];
    private readonly CancellationTokenSource _closeDeadline = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeReason = string.Empty;
    private long _queuedBytes;
    private int _queuedCount;
    private TaskCompletionSource _room = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RpcSession(long id, WebSocket socket, RpcServerOptions options, RpcDispatcher dispatcher, SubscriptionHub hub, RpcMetrics metrics, ILogger logger)
    {
        Id = id;
        _socket = socket;
        _options = options;
        _dispatcher = dispatcher;
        _hub = hub;
        _metrics = metrics;
        _logger = logger;
        // Bounded by the byte and message counts below, not by the channel; a closing session drains it too.
        _outgoing = Channel.CreateUnbounded<OutgoingMessage>(new UnboundedChannelOptions { SingleReader = false });
    }

    public long Id { get; }

    public int SubscriptionCount => _subscriptions.Count;

    /// <summary>Bytes waiting to be sent on this connection.</summary>
    public long QueuedBytes => Volatile.Read(ref _queuedBytes);

    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Completes when the connection has ended.</summary>
#pragma warning disable VSTHRD003 // awaited only by shutdown, which never runs on a UI context
    public Task Completion => _completed.Task;
#pragma warning restore VSTHRD003

    /// <summary>Serves the connection until either side closes it.</summary>
    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closeDeadline.Token);
        var writing = WriteLoopAsync(stop.Token);
        try
        {
            await ReadLoopAsync(stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            _logger.WebSocketEnded(Id, e.Message);
        }
        finally
        {
            _hub.RemoveAll(this);
            _outgoing.Writer.TryComplete();
        }

        await writing;
        _completed.TrySetResult();
    }

    /// <summary>
    /// Queues a notification (the subscriber's envelope prefix around a shared payload); false, and the
    /// connection is cut off, when its queue already holds WebSocketQueueBytesMax or WebSocketQueueMessagesMax.
    /// </summary>
    public bool TryEnqueueNotification(byte[] envelopePrefix, SharedNotification payload)
    {
        if (IsClosing)
        {
            return false;
        }

        var queuedBytes = QueuedBytes;
        if (queuedBytes >= _options.WebSocketQueueBytesMax)
        {
            CutOff($"slow consumer: {queuedBytes} bytes queued, over WebSocketQueueBytesMax ({_options.WebSocketQueueBytesMax}); read faster");
            return false;
        }

        if (Volatile.Read(ref _queuedCount) >= _options.WebSocketQueueMessagesMax)
        {
            CutOff($"slow consumer: {_options.WebSocketQueueMessagesMax} messages queued (WebSocketQueueMessagesMax); read faster");
            return false;
        }

        return TryQueue(OutgoingMessage.Notification(envelopePrefix, payload));
    }

    /// <summary>Closes the connection with 1008 and <paramref name="reason"/>, counted and logged (rate-limited).</summary>
    public void CutOff(string reason)
    {
        if (IsClosing)
        {
            return;
        }

        _metrics.WebSocketDropped("slow_consumer");
        if (_hub.CutOffLog.TryEnter(out var suppressed))
        {
            _logger.SlowConsumerCutOff(Id, reason, suppressed);
        }

        RequestClose(WebSocketCloseStatus.PolicyViolation, reason);
    }

    /// <summary>
    /// Starts closing: stops queueing, sends a close frame with <paramref name="reason"/> after the message
    /// being sent, and aborts if the close handshake does not finish within WebSocketCloseTimeout.
    /// </summary>
    public void RequestClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _closeStatus = status;
        _closeReason = Truncate(reason);
        _hub.RemoveAll(this);
        _outgoing.Writer.TryComplete();
        Drain(); // frees this connection's share of the total budget now, not when the peer finishes closing
        try
        {
            _closeDeadline.CancelAfter(_options.WebSocketCloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // already ended
        }
    }

    public void AddSubscription(Subscription subscription)
    {
        _subscriptions[subscription.Id] = subscription;
        _pendingActivation.Add(subscription);
    }

    public void RemoveSubscription(string id) => _subscriptions.TryRemove(id, out _);

    public IReadOnlyList<Subscription> TakeAllSubscriptions()
    {
        var taken = new List<Subscription>(_subscriptions.Count);
        foreach (var id in _subscriptions.Keys)
        {
            if (_subscriptions.TryRemove(id, out var subscription))
            {
                taken.Add(subscription);
            }
        }

        return taken;
    }

    public void Dispose() => _closeDeadline.Dispose();

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[ReceiveChunkBytes];
        using var message = new MemoryStream();
        var discarding = false;
        while (true)
        {
            var received = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                MarkClosing(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure);
                return;
            }

            if (IsClosing || discarding)
            {
                continue; // we asked to close; wait for the peer's close frame
            }

            if (message.Length + received.Count > _options.WebSocketMessageBytesMax)
            {
                discarding = true;
                _metrics.WebSocketDropped("message_too_big");
                RequestClose(
                    WebSocketCloseStatus.MessageTooBig,
                    $"message over WebSocketMessageBytesMax ({_options.WebSocketMessageBytesMax} bytes); send smaller requests");
                continue;
            }

            await message.WriteAsync(chunk.AsMemory(0, received.Count), cancellationToken);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var response = await _dispatcher.DispatchAsync(message.GetBuffer().AsMemory(0, (int)message.Length), this, cancellationToken);
            message.SetLength(0);
            if (response is not null && !await TryEnqueueResponseAsync(response, cancellationToken))
            {
                continue;
            }

            foreach (var subscription in _pendingActivation)
            {
                subscription.Activate();
            }

            _pendingActivation.Clear();
        }
    }

    /// <summary>
    /// Queues a response once the queue is under its bounds (or empty): a client that does not read its
    /// responses is not read further. False when closing: the response has no one to go to.
    /// </summary>
    private async ValueTask<bool> TryEnqueueResponseAsync(byte[] response, CancellationToken cancellationToken)
    {
        while (!IsClosing && Volatile.Read(ref _queuedCount) > 0
            && (QueuedBytes >= _options.WebSocketQueueBytesMax || Volatile.Read(ref _queuedCount) >= _options.WebSocketQueueMessagesMax))
        {
            var room = Volatile.Read(ref _room);
            if (QueuedBytes < _options.WebSocketQueueBytesMax && Volatile.Read(ref _queuedCount) < _options.WebSocketQueueMessagesMax)
            {
                break;
            }

            await room.Task.WaitAsync(cancellationToken);
        }

        return !IsClosing && TryQueue(OutgoingMessage.Response(response));
    }

    private bool TryQueue(OutgoingMessage message)
    {
        Account(message, queued: true);
        if (!_outgoing.Writer.TryWrite(message))
        {
            Account(message, queued: false);
            return false;
        }

        if (IsClosing)
        {
            Drain(); // closed while queueing: nothing will send it
        }

        return true;
    }

    private void Account(OutgoingMessage message, bool queued)
    {
        var sign = queued ? 1 : -1;
        Interlocked.Add(ref _queuedBytes, sign * message.Bytes);
        Interlocked.Add(ref _queuedCount, sign);
        if (queued)
        {
            _hub.QueueBudget.Add(message.Head.Length);
            message.Shared?.AddHolder();
        }
        else
        {
            _hub.QueueBudget.Release(message.Head.Length);
            message.Shared?.ReleaseHolder();
            Interlocked.Exchange(ref _room, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void Drain()
    {
        while (_outgoing.Reader.TryRead(out var message))
        {
            Account(message, queued: false);
        }
    }

    private async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.Shared is not { } shared)
        {
            await _socket.SendAsync(message.Head, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return;
        }

        // One message in three frames, so that the payload is never copied per subscriber.
        await _socket.SendAsync(message.Head, WebSocketMessageType.Text, endOfMessage: false, cancellationToken);
        await _socket.SendAsync(shared.Payload, WebSocketMessageType.Text, endOfMessage: false, cancellationToken);
        await _socket.SendAsync(OutgoingMessage.NotificationEnd, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    if (IsClosing)
                    {
                        break;
                    }

                    await SendAsync(message, cancellationToken);
                }
                finally
                {
                    Account(message, queued: false);
                }
            }

            Drain();

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus, _closeReason, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            _logger.WebSocketEnded(Id, e.Message);
        }
        finally
        {
            Drain();
        }
    }

    private void MarkClosing(WebSocketCloseStatus echoStatus)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _closeStatus = echoStatus;
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= CloseReasonBytesMax)
        {
            return reason;
        }

        var cut = reason;
        while (Encoding.UTF8.GetByteCount(cut) > CloseReasonBytesMax)
        {
            cut = cut[..^1];
        }

        return cut;
    }
}
