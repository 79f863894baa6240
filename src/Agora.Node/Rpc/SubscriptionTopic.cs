using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Agora.Node.Rpc;

/// <summary>One kind of subscription (e.g. new heads) and who is subscribed to it.</summary>
internal sealed class SubscriptionTopic
{
    private readonly string _envelopeStart;

    public SubscriptionTopic(string subscribeMethod, string unsubscribeMethod, string notificationMethod)
    {
        SubscribeMethod = subscribeMethod;
        UnsubscribeMethod = unsubscribeMethod;
        NotificationMethod = notificationMethod;
        _envelopeStart = $"{{\"jsonrpc\":\"2.0\",\"method\":\"{JsonEncodedText.Encode(notificationMethod)}\",\"params\":{{\"subscription\":\"";
    }

    public string SubscribeMethod { get; }

    public string UnsubscribeMethod { get; }

    public string NotificationMethod { get; }

    /// <summary>What precedes the payload in a notification to <paramref name="subscriptionId"/> (a decimal number).</summary>
    public byte[] EnvelopePrefix(string subscriptionId) =>
        Encoding.UTF8.GetBytes($"{_envelopeStart}{JsonEncodedText.Encode(subscriptionId)}\",\"result\":");

    /// <summary>Subscription id → subscription.</summary>
    public ConcurrentDictionary<string, Subscription> Subscribers { get; } = new(StringComparer.Ordinal);
}
