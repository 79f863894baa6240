using System.Collections.Concurrent;
using System.Diagnostics;
using Agora.Sdk.Client;

namespace Agora.Bench.Throughput;

/// <summary>
/// Follows chain_subscribeNewHeads over WebSocket and notes when each block number was first seen: the
/// moment its transactions count as included (the node announces a head only after committing it).
/// </summary>
internal sealed class HeadTracker : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ulong, long> _seenTicks = new();
    private readonly RpcWebSocketClient _client;
    private readonly RpcSubscription<BlockHeader> _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _follow;

    private HeadTracker(RpcWebSocketClient client, RpcSubscription<BlockHeader> subscription)
    {
        _client = client;
        _subscription = subscription;
        _follow = FollowAsync();
    }

    /// <summary>Highest block number seen.</summary>
    public ulong BestSeen => _seenTicks.IsEmpty ? 0 : _seenTicks.Keys.Max();

    public static async Task<HeadTracker> StartAsync(Uri webSocket, CancellationToken cancellationToken)
    {
        var client = await RpcWebSocketClient.ConnectAsync(webSocket, cancellationToken: cancellationToken);
        var subscription = await new ChainClient(client).SubscribeNewHeadsAsync(cancellationToken);
        return new HeadTracker(client, subscription);
    }

    /// <summary>When block <paramref name="number"/> was seen (or, if its notification was missed, the first later one).</summary>
    public long? SeenTicks(ulong number)
    {
        if (_seenTicks.TryGetValue(number, out var ticks))
        {
            return ticks;
        }

        var later = _seenTicks.Where(p => p.Key > number).Select(p => p.Value).ToArray();
        return later.Length == 0 ? null : later.Min();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _subscription.DisposeAsync();
#pragma warning disable VSTHRD003 // _follow is this tracker's own loop, started in its constructor.
        await _follow;
#pragma warning restore VSTHRD003
        await _client.DisposeAsync();
        _stop.Dispose();
    }

    private async Task FollowAsync()
    {
        try
        {
            await foreach (var header in _subscription.WithCancellation(_stop.Token))
            {
                _seenTicks.TryAdd(header.Number, Stopwatch.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (RpcConnectionClosedException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
