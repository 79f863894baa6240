using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// One WebSocket connection: a read loop that runs requests in order, and a write loop that sends
/// responses and notifications from one bounded queue (a WebSocket allows one sender at a time).
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
    private readonly Channel<byte[]> _outgoing;
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<Subscription> _pendingActivation = [];
    private readonly CancellationTokenSource _closeDeadline = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closing;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeReason = string.Empty;

    public RpcSession(long id, WebSocket socket, RpcServerOptions options, RpcDispatcher dispatcher, SubscriptionHub hub, RpcMetrics metrics, ILogger logger)
    {
        Id = id;
        _socket = socket;
        _options = options;
        _dispatcher = dispatcher;
        _hub = hub;
        _metrics = metrics;
        _logger = logger;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.WebSocketQueueMessagesMax)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public long Id { get; }

    public int SubscriptionCount => _subscriptions.Count;

    /// <summary>Completes when the connection has ended.</summary>
#pragma warning disable VSTHRD003 // awaited only by shutdown, which never runs on a UI context
    public Task Completion => _completed.Task;
#pragma warning restore VSTHRD003

    private bool IsClosing => Volatile.Read(ref _closing) != 0;

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

    /// <summary>Queues a notification; false (and the connection is dropped) when the queue is full.</summary>
    public bool TryEnqueueNotification(byte[] message)
    {
        if (IsClosing)
        {
            return false;
        }

        if (_outgoing.Writer.TryWrite(message))
        {
            return true;
        }

        _metrics.WebSocketDropped("slow_consumer");
        var reason = $"slow consumer: {_options.WebSocketQueueMessagesMax} messages queued (WebSocketQueueMessagesMax); read faster";
        _logger.WebSocketDropped(Id, reason);
        RequestClose(WebSocketCloseStatus.PolicyViolation, reason);
        return false;
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

    private async ValueTask<bool> TryEnqueueResponseAsync(byte[] response, CancellationToken cancellationToken)
    {
        try
        {
            await _outgoing.Writer.WriteAsync(response, cancellationToken);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false; // closing; the response has no one to go to
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                if (IsClosing)
                {
                    break;
                }

                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus, _closeReason, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            _logger.WebSocketEnded(Id, e.Message);
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
