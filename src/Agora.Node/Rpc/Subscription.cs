namespace Agora.Node.Rpc;

/// <summary>
/// One subscription of one WebSocket session. It becomes active only after the subscribe response is
/// queued, so that a client never sees a notification before it knows the subscription id.
/// </summary>
internal sealed class Subscription
{
    private volatile bool _active;

    public Subscription(string id, SubscriptionTopic topic, RpcSession session)
    {
        Id = id;
        Topic = topic;
        Session = session;
        EnvelopePrefix = topic.EnvelopePrefix(id);
    }

    public string Id { get; }

    public SubscriptionTopic Topic { get; }

    public RpcSession Session { get; }

    /// <summary><c>{"jsonrpc":"2.0","method":…,"params":{"subscription":"id","result":</c>, built once per subscription.</summary>
    public byte[] EnvelopePrefix { get; }

    public bool IsActive => _active;

    public void Activate() => _active = true;
}
