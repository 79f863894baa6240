using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Agora.Core.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Rpc;

/// <summary>
/// WebSocket subscriptions, Substrate style. <see cref="RegisterTopic"/> adds a subscribe method (returns a
/// subscription id) and an unsubscribe method (<c>[id]</c> → true/false); <see cref="Publish"/> sends
/// <c>{"jsonrpc":"2.0","method":notification,"params":{"subscription":id,"result":payload}}</c> to every
/// subscriber. The payload is serialized once and shared by every subscriber's queue entry. Publishing never
/// waits: queues are bounded in bytes per connection and in total, and a consumer that falls behind is cut off.
/// <see cref="Post"/> hands a publication to one publisher task, so the block loop never does the work.
/// </summary>
public sealed class SubscriptionHub
{
    private readonly RpcMethods _methods;
    private readonly RpcServerOptions _options;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SubscriptionTopic> _topics = new(StringComparer.Ordinal);
    private readonly Channel<(string Topic, Func<object?> Payload)> _publications;
    private readonly LogThrottle _dropLog;
    private Task? _publishing;
    private long _lastId;

    /// <summary>A hub that registers its subscribe/unsubscribe methods into <paramref name="methods"/>.</summary>
    public SubscriptionHub(RpcMethods methods, RpcServerOptions options, RpcMetrics metrics, ILogger? logger = null)
    {
        _methods = methods;
        _options = options;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        QueueBudget = new WebSocketQueueBudget(options.WebSocketQueueBytesTotalMax);
        _dropLog = new LogThrottle(options.LimitLogInterval, TimeProvider.System);
        CutOffLog = new LogThrottle(options.LimitLogInterval, TimeProvider.System);
        _publications = Channel.CreateBounded<(string, Func<object?>)>(new BoundedChannelOptions(options.PublishQueueItemsMax)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // only TryWrite is used: a full queue drops, never waits
        });
    }

    /// <summary>Bytes queued over all WebSocket connections (WebSocketQueueBytesTotalMax bounds it).</summary>
    internal WebSocketQueueBudget QueueBudget { get; }

    /// <summary>Rate limit of the "cut off" log line, shared by all connections.</summary>
    internal LogThrottle CutOffLog { get; }

    /// <summary>
    /// Adds a subscription kind, e.g. <c>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead")</c>.
    /// </summary>
    public void RegisterTopic(string subscribeMethod, string unsubscribeMethod, string notificationMethod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notificationMethod);
        var topic = new SubscriptionTopic(subscribeMethod, unsubscribeMethod, notificationMethod);
        if (!_topics.TryAdd(notificationMethod, topic))
        {
            throw new InvalidOperationException($"subscription topic {notificationMethod} is registered twice; register each topic once at startup");
        }

        _methods.RegisterSessionHandler(subscribeMethod, (parameters, session, _) =>
        {
            parameters.Expect(); // checked before subscribing: a refused call must not leave a subscription behind
            return ValueTask.FromResult<object?>(Subscribe(topic, session));
        });
        _methods.RegisterSessionHandler(unsubscribeMethod, (parameters, session, _) => ValueTask.FromResult<object?>(Unsubscribe(topic, parameters, session)));
    }

    /// <summary>
    /// Hands a publication to the publisher task and returns at once: <paramref name="payload"/> is built and
    /// published there, in the order posted. False (counted and logged, rate-limited) when PublishQueueItemsMax
    /// publications are already waiting. Call this from the block loop: nothing a subscriber does can slow it.
    /// </summary>
    public bool Post(string notificationMethod, Func<object?> payload)
    {
        if (!_topics.ContainsKey(notificationMethod))
        {
            throw new InvalidOperationException(
                $"no subscription topic {notificationMethod}; call RegisterTopic(subscribe, unsubscribe, \"{notificationMethod}\") at startup");
        }

        if (Volatile.Read(ref _publishing) is null && Interlocked.CompareExchange(ref _publishing, Task.CompletedTask, null) is null)
        {
            Volatile.Write(ref _publishing, Task.Run(PublishLoopAsync));
        }

        if (_publications.Writer.TryWrite((notificationMethod, payload)))
        {
            return true;
        }

        _metrics.NotificationDropped(notificationMethod);
        if (_dropLog.TryEnter(out var suppressed))
        {
            _logger.NotificationDropped(notificationMethod, $"{_options.PublishQueueItemsMax} publications waiting (PublishQueueItemsMax)", suppressed);
        }

        return false;
    }

    /// <summary>
    /// Sends <paramref name="payload"/> (serialized once with <see cref="AgoraJson.Options"/>) to every active
    /// subscriber of <paramref name="notificationMethod"/>. Never blocks; returns how many were sent to.
    /// </summary>
    public int Publish(string notificationMethod, object? payload)
    {
        if (!_topics.TryGetValue(notificationMethod, out var topic))
        {
            throw new InvalidOperationException(
                $"no subscription topic {notificationMethod}; call RegisterTopic(subscribe, unsubscribe, \"{notificationMethod}\") at startup");
        }

        if (topic.Subscribers.IsEmpty)
        {
            return 0;
        }

        var result = new SharedNotification(
            JsonSerializer.SerializeToUtf8Bytes(payload, payload?.GetType() ?? typeof(object), AgoraJson.Options), QueueBudget);
        MakeRoom(result.Payload.Length);
        result.AddHolder(); // counted once while it is being queued, then while any queue holds it
        try
        {
            var sent = 0;
            foreach (var subscription in topic.Subscribers.Values)
            {
                if (subscription.IsActive && subscription.Session.TryEnqueueNotification(subscription.EnvelopePrefix, result))
                {
                    sent++;
                }
            }

            return sent;
        }
        finally
        {
            result.ReleaseHolder();
        }
    }

    /// <summary>Active and pending subscriptions to <paramref name="notificationMethod"/> (0 for an unknown topic).</summary>
    public int SubscriberCount(string notificationMethod) =>
        _topics.TryGetValue(notificationMethod, out var topic) ? topic.Subscribers.Count : 0;

    /// <summary>Removes every subscription of a session that ended.</summary>
    internal void RemoveAll(RpcSession session)
    {
        foreach (var subscription in session.TakeAllSubscriptions())
        {
            Remove(subscription);
        }
    }

    private string Subscribe(SubscriptionTopic topic, RpcSession? session)
    {
        if (session is null)
        {
            throw new RpcException(
                RpcErrorCodes.MethodNotFound,
                $"{topic.SubscribeMethod} is a subscription and needs a WebSocket: connect to ws://<node>:<rpc-port>/ instead of HTTP");
        }

        if (session.SubscriptionCount >= _options.SubscriptionsPerConnectionMax)
        {
            throw new RpcException(
                RpcErrorCodes.TooManySubscriptions,
                $"this connection has {session.SubscriptionCount} subscriptions, the SubscriptionsPerConnectionMax; unsubscribe some or open another connection");
        }

        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        var subscription = new Subscription(id, topic, session);
        session.AddSubscription(subscription);
        topic.Subscribers[id] = subscription;
        _metrics.SubscriptionAdded(topic.NotificationMethod);
        return id;
    }

    private bool Unsubscribe(SubscriptionTopic topic, RpcParams parameters, RpcSession? session)
    {
        parameters.Expect("subscription");
        if (!parameters.TryGet(0, "subscription", out var raw))
        {
            throw RpcException.InvalidParams($"{topic.UnsubscribeMethod}: parameter 0 (subscription) is missing; pass the id that {topic.SubscribeMethod} returned");
        }

        var id = raw.ValueKind switch
        {
            JsonValueKind.String => raw.GetString()!,
            JsonValueKind.Number => raw.GetRawText(),
            _ => throw RpcException.InvalidParams($"{topic.UnsubscribeMethod}: parameter 0 (subscription) must be the id string that {topic.SubscribeMethod} returned"),
        };

        if (session is null || !topic.Subscribers.TryGetValue(id, out var subscription) || subscription.Session != session)
        {
            return false; // subscriptions belong to their connection; another connection's id is unknown here
        }

        session.RemoveSubscription(id);
        Remove(subscription);
        return true;
    }

    private void Remove(Subscription subscription)
    {
        if (subscription.Topic.Subscribers.TryRemove(subscription.Id, out _))
        {
            _metrics.SubscriptionRemoved(subscription.Topic.NotificationMethod);
        }
    }

    /// <summary>
    /// Keeps all queues together under WebSocketQueueBytesTotalMax: while <paramref name="bytes"/> more would pass
    /// it, cuts off the subscriber with the most bytes queued (the one furthest behind).
    /// </summary>
    private void MakeRoom(long bytes)
    {
        while (QueueBudget.Bytes > 0 && QueueBudget.Bytes + bytes > QueueBudget.BytesMax)
        {
            RpcSession? heaviest = null;
            foreach (var topic in _topics.Values)
            {
                foreach (var subscription in topic.Subscribers.Values)
                {
                    if (!subscription.Session.IsClosing && subscription.Session.QueuedBytes > (heaviest?.QueuedBytes ?? 0))
                    {
                        heaviest = subscription.Session;
                    }
                }
            }

            if (heaviest is null)
            {
                return; // what is queued belongs to responses or closing connections; it drains by itself
            }

            heaviest.CutOff($"slow consumer: {heaviest.QueuedBytes} bytes queued when all connections reached WebSocketQueueBytesTotalMax");
        }
    }

    private async Task PublishLoopAsync()
    {
        await foreach (var (topic, payload) in _publications.Reader.ReadAllAsync())
        {
            try
            {
                Publish(topic, payload());
            }
#pragma warning disable CA1031 // A bug in one payload must not stop every later notification.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.NotificationFailed(topic, e);
            }
        }
    }
}
