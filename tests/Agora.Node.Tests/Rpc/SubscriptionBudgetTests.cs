using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Node.Host;
using Agora.Node.Rpc;
using Agora.Protocol.Balances;
using Agora.Sdk.Client;
using static Agora.Node.Tests.Rpc.RpcWebSocketTests;

namespace Agora.Node.Tests.Rpc;

/// <summary>Issue #14 finding 2: one WebSocket that never reads must not exhaust memory or stop block production.</summary>
public sealed class SubscriptionBudgetTests
{
    private const string Topic = "chain_newHead";

    [Fact]
    public async Task Given_a_connection_with_the_most_event_subscriptions_that_never_reads_when_blocks_of_transfers_are_produced_then_blocks_keep_coming_the_reader_gets_every_notification_and_the_slow_one_is_cut_off()
    {
        var options = new RpcServerOptions { WebSocketQueueBytesMax = 128 * 1024, WebSocketQueueBytesTotalMax = 4 * 1024 * 1024 };
        await using var node = await ChainRpcNode.StartAsync(options: options);
        using var slow = new ClientWebSocket();
        await slow.ConnectAsync(node.WebSocketUrl, CancellationToken.None);
        for (var i = 0; i < options.SubscriptionsPerConnectionMax; i++)
        {
            await SendAsync(slow, $$"""{"jsonrpc":"2.0","method":"agora_subscribeEvents","id":{{i}}}""");
            Assert.True((await ReceiveJsonAsync(slow)).TryGetProperty("result", out _));
        }

        await using var reader = await RpcWebSocketClient.ConnectAsync(node.WebSocketUrl);
        await using var events = await reader.SubscribeAsync<JsonElement>("agora_subscribeEvents", "agora_unsubscribeEvents");
        await using var received = events.GetAsyncEnumerator();
        using var alice = ChainRpcNode.Dev("Alice");
        using var bob = ChainRpcNode.Dev("Bob");
        var start = node.Core.Best.Number;
        const int Blocks = 40;
        const int TransfersPerBlock = 40;

        var eventsSeen = new List<ulong>();
        for (var block = 0; block < Blocks; block++)
        {
            for (var t = 0; t < TransfersPerBlock; t++)
            {
                Assert.True(node.Core.Submit(node.Sign(alice, new TransferCall(bob.Account, new Rao(1_000)), (ulong)t)).Accepted);
            }

            node.Core.ProduceBlock(); // posts to the publisher task and returns; nothing here waits for a subscriber
            Assert.True(await received.MoveNextAsync());
            eventsSeen.Add(received.Current.GetProperty("block").GetUInt64());
        }

        var (status, reason) = await RpcWebSocketTests.ReadUntilClosedAsync(slow);
        var metrics = await ScrapeAsync(node.Registry);

        Assert.Equal(start + Blocks, node.Core.Best.Number);
        Assert.Equal(Enumerable.Range(1, Blocks).Select(i => start + (ulong)i), eventsSeen);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("WebSocketQueueBytesMax", reason, StringComparison.Ordinal);
        Assert.InRange(node.Hub.QueueBudget.PeakBytes, 1, options.WebSocketQueueBytesTotalMax);
        Assert.Contains("agora_rpc_websocket_dropped_total{reason=\"slow_consumer\"} 1", metrics, StringComparison.Ordinal);
        Assert.Equal(1, node.Hub.SubscriberCount(ChainRpcApi.EventsNotification));
    }

    [Fact]
    public async Task Given_all_queues_together_at_WebSocketQueueBytesTotalMax_when_publishing_then_the_connection_furthest_behind_is_cut_off_and_a_reader_gets_every_notification()
    {
        var options = new RpcServerOptions { WebSocketQueueBytesTotalMax = 512 * 1024 };
        await using var node = await TestRpcNode.StartAsync(options);
        using var slow = await node.ConnectRawAsync();
        await SendAsync(slow, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");
        await ReceiveJsonAsync(slow);
        await using var reader = await RpcWebSocketClient.ConnectAsync(node.Server.WebSocketUrl);
        await using var heads = await reader.SubscribeAsync<JsonElement>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads");
        await using var received = heads.GetAsyncEnumerator();
        const int Publications = 400; // 400 × 64 KiB = 25 MiB: more than socket buffers hold
        var payload = new string('h', 64 * 1024);

        for (var i = 0; i < Publications; i++)
        {
            node.Hub.Publish(Topic, new { Number = (ulong)i, Data = payload });
            Assert.True(await received.MoveNextAsync());
            Assert.Equal((ulong)i, received.Current.GetProperty("number").GetUInt64());
        }

        var (status, reason) = await RpcWebSocketTests.ReadUntilClosedAsync(slow);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("WebSocketQueueBytesTotalMax", reason, StringComparison.Ordinal);
        Assert.InRange(node.Hub.QueueBudget.PeakBytes, 1, options.WebSocketQueueBytesTotalMax + 4096);
        Assert.Equal(1, node.Hub.SubscriberCount(Topic));
    }

    [Fact]
    public async Task Given_a_publisher_task_that_is_busy_when_more_than_PublishQueueItemsMax_are_posted_then_Post_returns_at_once_drops_the_excess_and_counts_it()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { PublishQueueItemsMax = 4 });
        using var busy = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();

        Assert.True(node.Hub.Post(Topic, () =>
        {
            started.Set();
            busy.Wait(TimeSpan.FromSeconds(30));
            return null;
        }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var accepted = Enumerable.Range(0, 10).Count(_ => node.Hub.Post(Topic, () => null));
        busy.Set();
        var metrics = await ScrapeAsync(node.Registry);

        Assert.Equal(4, accepted);
        Assert.Contains("agora_rpc_notifications_dropped_total{topic=\"chain_newHead\"} 6", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_shared_notification_when_sent_to_two_subscribers_then_each_gets_its_own_id_around_the_same_payload()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var socket = await node.ConnectRawAsync();
        await SendAsync(socket, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");
        var first = (await ReceiveJsonAsync(socket)).GetProperty("result").GetString();
        await SendAsync(socket, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":2}""");
        var second = (await ReceiveJsonAsync(socket)).GetProperty("result").GetString();

        Assert.Equal(2, node.Hub.Publish(Topic, new { Number = 9UL, Note = "\"quoted\" ü" }));
        var a = await ReceiveJsonAsync(socket);
        var b = await ReceiveJsonAsync(socket);

        Assert.Equal(
            new[] { first, second }.Order(StringComparer.Ordinal),
            new[] { a, b }.Select(n => n.GetProperty("params").GetProperty("subscription").GetString()).Order(StringComparer.Ordinal));
        Assert.All([a, b], n => Assert.Equal("\"quoted\" ü", n.GetProperty("params").GetProperty("result").GetProperty("note").GetString()));
    }

    internal static async Task<string> ScrapeAsync(Prometheus.CollectorRegistry registry)
    {
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        return Encoding.UTF8.GetString(text.ToArray());
    }
}
