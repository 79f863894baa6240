using System.Text.Json;
using System.Threading.Channels;

namespace Agora.Sdk.Client;

/// <summary>
/// An active subscription: enumerate it (<c>await foreach</c>) for the notifications' results, dispose it
/// to unsubscribe. When the node goes away the client reconnects and subscribes again
/// (<see cref="RpcClientOptions.ReconnectTimeMax"/>) and this object keeps delivering: notifications the node
/// published while the client was disconnected are lost — new heads resume from the head at resubscription, so
/// a jump in block numbers shows the gap (fetch the skipped headers with <c>chain_getBlockHash</c> if needed).
/// Enumeration throws <see cref="RpcConnectionClosedException"/> if the node refuses the connection (e.g. it
/// dropped this client as a slow consumer) or reconnecting fails, and ends normally after dispose.
/// </summary>
/// <typeparam name="T">What each notification's <c>result</c> reads as.</typeparam>
public sealed class RpcSubscription<T> : IAsyncEnumerable<T>, IAsyncDisposable, ISubscriptionSink
{
    private readonly RpcWebSocketClient _client;
    private readonly string _unsubscribeMethod;
    private readonly string _notificationWhat;
    private readonly int _bufferMax;
    private readonly Channel<JsonElement> _results;
    private string _id;
    private int _resubscriptions;
    private int _disposed;

    internal RpcSubscription(RpcWebSocketClient client, string id, string subscribeMethod, string unsubscribeMethod, object?[]? parameters, int bufferMax)
    {
        _client = client;
        _id = id;
        SubscribeMethod = subscribeMethod;
        Parameters = parameters;
        _unsubscribeMethod = unsubscribeMethod;
        _notificationWhat = $"{subscribeMethod} notification";
        _bufferMax = bufferMax;
        _results = Channel.CreateBounded<JsonElement>(new BoundedChannelOptions(bufferMax) { SingleWriter = true, SingleReader = true });
    }

    /// <summary>The subscription id the node assigned (a new one after each resubscription).</summary>
    public string Id => Volatile.Read(ref _id);

    /// <summary>How many times the client subscribed again after reconnecting; notifications may be missing around each.</summary>
    public int Resubscriptions => Volatile.Read(ref _resubscriptions);

    /// <inheritdoc />
    public string SubscribeMethod { get; }

    /// <inheritdoc />
    public object?[]? Parameters { get; }

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var result in _results.Reader.ReadAllAsync(cancellationToken))
        {
            yield return RpcWire.Convert<T>(result, _notificationWhat);
        }
    }

    /// <summary>Unsubscribes (best effort when the connection is gone) and ends enumeration.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _client.Forget(this);
        _results.Writer.TryComplete();
        if (_client.IsConnected)
        {
            try
            {
                await _client.CallAsync<bool>(_unsubscribeMethod, [Id]);
            }
            catch (RpcClientException)
            {
                // The connection is closing or the node forgot the subscription: nothing left to undo.
            }
        }
    }

    bool ISubscriptionSink.TryPush(JsonElement result)
    {
        if (_results.Writer.TryWrite(result))
        {
            return true;
        }

        _results.Writer.TryComplete(new RpcClientException(
            $"subscription {Id} fell behind: {_bufferMax} notifications buffered (SubscriptionBufferMax); consume them faster or raise the limit"));
        return false;
    }

    void ISubscriptionSink.Rebind(string id)
    {
        Volatile.Write(ref _id, id);
        Interlocked.Increment(ref _resubscriptions);
    }

    void ISubscriptionSink.Complete(Exception? error) => _results.Writer.TryComplete(error);
}
