using System.Collections.Concurrent;

namespace Agora.Node.Rpc;

/// <summary>One kind of subscription (e.g. new heads) and who is subscribed to it.</summary>
internal sealed class SubscriptionTopic
{
    public SubscriptionTopic(string subscribeMethod, string unsubscribeMethod, string notificationMethod)
    {
        SubscribeMethod = subscribeMethod;
        UnsubscribeMethod = unsubscribeMethod;
        NotificationMethod = notificationMethod;
    }

    public string SubscribeMethod { get; }

    public string UnsubscribeMethod { get; }

    public string NotificationMethod { get; }

    /// <summary>Subscription id → subscription.</summary>
    public ConcurrentDictionary<string, Subscription> Subscribers { get; } = new(StringComparer.Ordinal);
}
