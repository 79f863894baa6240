using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Agora.Core.Json;

namespace Agora.Node.Rpc;

/// <summary>
/// WebSocket subscriptions, Substrate style. <see cref="RegisterTopic"/> adds a subscribe method (returns a
/// subscription id) and an unsubscribe method (<c>[id]</c> → true/false); <see cref="Publish"/> sends
/// <c>{"jsonrpc":"2.0","method":notification,"params":{"subscription":id,"result":payload}}</c> to every
/// subscriber. Publishing never waits: each connection has a bounded queue and a consumer that falls
/// behind is disconnected.
/// </summary>
public sealed class SubscriptionHub
{
    private readonly RpcMethods _methods;
    private readonly RpcServerOptions _options;
    private readonly RpcMetrics _metrics;
    private readonly ConcurrentDictionary<string, SubscriptionTopic> _topics = new(StringComparer.Ordinal);
    private long _lastId;

    /// <summary>A hub that registers its subscribe/unsubscribe methods into <paramref name="methods"/>.</summary>
    public SubscriptionHub(RpcMethods methods, RpcServerOptions options, RpcMetrics metrics)
    {
        _methods = methods;
        _options = options;
        _metrics = metrics;
    }

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

        _methods.RegisterSessionHandler(subscribeMethod, (parameters, session, _) => ValueTask.FromResult<object?>(Subscribe(topic, session)));
        _methods.RegisterSessionHandler(unsubscribeMethod, (parameters, session, _) => ValueTask.FromResult<object?>(Unsubscribe(topic, parameters, session)));
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

        var result = JsonSerializer.SerializeToUtf8Bytes(payload, payload?.GetType() ?? typeof(object), AgoraJson.Options);
        var sent = 0;
        foreach (var subscription in topic.Subscribers.Values)
        {
            if (subscription.IsActive && subscription.Session.TryEnqueueNotification(Notification(notificationMethod, subscription.Id, result)))
            {
                sent++;
            }
        }

        return sent;
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
        parameters.ExpectCountMax(1);
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

    private static byte[] Notification(string method, string subscriptionId, byte[] result)
    {
        var buffer = new ArrayBufferWriter<byte>(result.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            writer.WriteStartObject("params");
            writer.WriteString("subscription", subscriptionId);
            writer.WritePropertyName("result");
            writer.WriteRawValue(result, skipInputValidation: true);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
