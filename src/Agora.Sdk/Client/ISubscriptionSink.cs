using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>Where the WebSocket read loop delivers one subscription's notifications.</summary>
internal interface ISubscriptionSink
{
    /// <summary>Delivers a result; false when the subscription's buffer is full (it then fails).</summary>
    bool TryPush(JsonElement result);

    /// <summary>Ends the subscription, with <paramref name="error"/> when it ended abnormally.</summary>
    void Complete(Exception? error);
}
