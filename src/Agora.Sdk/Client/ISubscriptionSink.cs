using System.Text.Json;

namespace Agora.Sdk.Client;

/// <summary>Where the WebSocket read loop delivers one subscription's notifications.</summary>
internal interface ISubscriptionSink
{
    /// <summary>The method that subscribes it (sent again after a reconnection).</summary>
    string SubscribeMethod { get; }

    /// <summary>The subscribe method's parameters.</summary>
    object?[]? Parameters { get; }

    /// <summary>The node's id of the subscription on the current connection.</summary>
    string Id { get; }

    /// <summary>Delivers a result; false when the subscription's buffer is full (it then fails).</summary>
    bool TryPush(JsonElement result);

    /// <summary>Takes the id the node gave it after a reconnection.</summary>
    void Rebind(string id);

    /// <summary>Ends the subscription, with <paramref name="error"/> when it ended abnormally.</summary>
    void Complete(Exception? error);
}
