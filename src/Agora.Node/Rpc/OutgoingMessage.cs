namespace Agora.Node.Rpc;

/// <summary>
/// One WebSocket message waiting to be sent: a response (<see cref="Head"/> only), or a notification sent as
/// one message in three frames: the subscriber's envelope prefix, the shared payload, and <c>}}</c>.
/// </summary>
internal readonly struct OutgoingMessage
{
    private OutgoingMessage(byte[] head, SharedNotification? shared)
    {
        Head = head;
        Shared = shared;
    }

    /// <summary>What closes a notification envelope after its payload.</summary>
    public static ReadOnlyMemory<byte> NotificationEnd { get; } = "}}"u8.ToArray();

    /// <summary>A whole response, or a notification's <c>{"jsonrpc":"2.0","method":…,"params":{"subscription":"id","result":</c>.</summary>
    public byte[] Head { get; }

    /// <summary>The shared payload of a notification; null for a response.</summary>
    public SharedNotification? Shared { get; }

    /// <summary>The bytes this message puts on the wire (what the connection's queue counts).</summary>
    public long Bytes => Head.Length + (Shared is null ? 0 : Shared.Payload.Length + NotificationEnd.Length);

    public static OutgoingMessage Response(byte[] response) => new(response, null);

    public static OutgoingMessage Notification(byte[] envelopePrefix, SharedNotification payload) => new(envelopePrefix, payload);
}
