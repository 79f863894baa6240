using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Node.Rpc;
using Agora.Sdk.Client;
using ServerErrors = Agora.Node.Rpc.RpcErrorCodes;

namespace Agora.Node.Tests.Rpc;

public sealed class RpcWebSocketTests
{
    private const string Topic = "chain_newHead";

    [Fact]
    public async Task Given_a_websocket_subscription_when_heads_are_published_then_they_arrive_in_order_until_unsubscribed()
    {
        await using var node = await TestRpcNode.StartAsync();
        await using var socket = await RpcWebSocketClient.ConnectAsync(node.Server.WebSocketUrl);
        var chain = new ChainClient(socket);

        var subscription = await chain.SubscribeNewHeadsAsync();
        Assert.Equal(1, node.Hub.SubscriberCount(Topic));
        node.Hub.Publish(Topic, TestRpcNode.Header(8));
        node.Hub.Publish(Topic, TestRpcNode.Header(9));

        var received = new List<BlockHeader>();
        await foreach (var header in subscription)
        {
            received.Add(header);
            if (received.Count == 2)
            {
                break;
            }
        }

        await subscription.DisposeAsync();
        await node.WaitForSubscribersAsync(Topic, 0);

        Assert.Equal([8UL, 9UL], received.Select(h => h.Number));
        Assert.Equal(TestRpcNode.SomeHash, received[0].Hash);
        Assert.Equal(TestRpcNode.Alice, received[0].Author);
        Assert.Equal(0, node.Hub.Publish(Topic, TestRpcNode.Header(10)));
    }

    [Fact]
    public async Task Given_a_raw_websocket_when_subscribing_then_notifications_have_the_substrate_shape_and_unsubscribe_answers_true()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var socket = await node.ConnectRawAsync();

        await SendAsync(socket, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","params":[],"id":1}""");
        var subscribed = await ReceiveJsonAsync(socket);
        var id = subscribed.GetProperty("result").GetString()!;
        node.Hub.Publish(Topic, new { Number = 5UL });
        var notification = await ReceiveJsonAsync(socket);
        await SendAsync(socket, $$"""{"jsonrpc":"2.0","method":"chain_unsubscribeNewHeads","params":["{{id}}"],"id":2}""");
        var unsubscribed = await ReceiveJsonAsync(socket);

        Assert.Equal(1, subscribed.GetProperty("id").GetInt32());
        Assert.Equal("2.0", notification.GetProperty("jsonrpc").GetString());
        Assert.Equal(Topic, notification.GetProperty("method").GetString());
        Assert.False(notification.TryGetProperty("id", out _));
        Assert.Equal(id, notification.GetProperty("params").GetProperty("subscription").GetString());
        Assert.Equal(5UL, notification.GetProperty("params").GetProperty("result").GetProperty("number").GetUInt64());
        Assert.True(unsubscribed.GetProperty("result").GetBoolean());
        Assert.Equal(0, node.Hub.SubscriberCount(Topic));
    }

    [Fact]
    public async Task Given_an_unknown_subscription_id_when_unsubscribing_then_the_answer_is_false()
    {
        await using var node = await TestRpcNode.StartAsync();
        await using var socket = await RpcWebSocketClient.ConnectAsync(node.Server.HttpUrl);

        var removed = await socket.CallAsync<bool>("chain_unsubscribeNewHeads", ["12345"]);

        Assert.False(removed);
    }

    [Fact]
    public async Task Given_a_websocket_when_calling_methods_then_results_and_errors_come_back_like_over_http()
    {
        await using var node = await TestRpcNode.StartAsync();
        await using var socket = await RpcWebSocketClient.ConnectAsync(node.Server.WebSocketUrl);

        var sum = await socket.CallAsync<ulong>("test_add", [20, 22]);
        var error = await Assert.ThrowsAsync<Agora.Sdk.Client.RpcException>(() => socket.CallAsync<object>("test_reject"));

        Assert.Equal(42UL, sum);
        Assert.Equal(ServerErrors.TransactionRejected, error.Code);
    }

    [Fact]
    public async Task Given_a_consumer_that_does_not_read_when_many_heads_are_published_then_publish_never_blocks_and_the_consumer_is_dropped_with_a_reason()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { WebSocketQueueMessagesMax = 8, WebSocketCloseTimeout = TimeSpan.FromSeconds(10) });
        using var socket = await node.ConnectRawAsync();
        await SendAsync(socket, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");
        await ReceiveJsonAsync(socket);
        var bigPayload = new { Data = new string('h', 64 * 1024) };

        var publishing = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            node.Hub.Publish(Topic, bigPayload); // 32 MB: far more than the socket buffers hold
        }

        publishing.Stop();
        var (status, reason) = await ReadUntilClosedAsync(socket);

        Assert.True(publishing.Elapsed < TimeSpan.FromSeconds(5), $"publishing took {publishing.Elapsed}");
        Assert.Equal(0, node.Hub.SubscriberCount(Topic));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("slow consumer", reason, StringComparison.Ordinal);
        Assert.Contains("WebSocketQueueMessagesMax", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_connection_at_SubscriptionsPerConnectionMax_when_subscribing_again_then_the_error_names_the_limit()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { SubscriptionsPerConnectionMax = 2 });
        await using var socket = await RpcWebSocketClient.ConnectAsync(node.Server.WebSocketUrl);
        await socket.SubscribeAsync<JsonElement>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads");
        await socket.SubscribeAsync<JsonElement>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads");

        var error = await Assert.ThrowsAsync<Agora.Sdk.Client.RpcException>(
            () => socket.SubscribeAsync<JsonElement>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads"));

        Assert.Equal(ServerErrors.TooManySubscriptions, error.Code);
        Assert.Contains("SubscriptionsPerConnectionMax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_message_over_WebSocketMessageBytesMax_when_sent_then_the_connection_closes_with_message_too_big()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { WebSocketMessageBytesMax = 1024 });
        using var socket = await node.ConnectRawAsync();

        await SendAsync(socket, $$"""{"jsonrpc":"2.0","method":"test_echo","params":["{{new string('x', 4096)}}"],"id":1}""");
        var (status, reason) = await ReadUntilClosedAsync(socket);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Contains("WebSocketMessageBytesMax (1024 bytes)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_open_subscriptions_when_the_server_stops_then_clients_get_a_close_frame_saying_it_is_shutting_down()
    {
        var node = await TestRpcNode.StartAsync();
        // Without reconnecting (the SDK's resilience tests cover that): the node's own close frame reaches the subscriber.
        await using var socket = await RpcWebSocketClient.ConnectAsync(node.Server.WebSocketUrl, new RpcClientOptions { ReconnectTimeMax = TimeSpan.Zero });
        var subscription = await socket.SubscribeAsync<JsonElement>("chain_subscribeNewHeads", "chain_unsubscribeNewHeads");

        await node.DisposeAsync();
        var closed = await Assert.ThrowsAsync<RpcConnectionClosedException>(async () =>
        {
            await foreach (var unused in subscription)
            {
                Assert.Fail("no notification was published");
            }
        });

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closed.CloseStatus);
        Assert.Equal("node is shutting down", closed.CloseDescription);
    }

    [Fact]
    public async Task Given_a_subscribe_racing_with_publishes_when_the_response_arrives_then_no_notification_precedes_it()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var cts = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                node.Hub.Publish(Topic, new { Number = 1UL });
                await Task.Yield();
            }
        });
        using var socket = await node.ConnectRawAsync();

        await SendAsync(socket, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");
        var first = await ReceiveJsonAsync(socket);
        var second = await ReceiveJsonAsync(socket);
        await cts.CancelAsync();
        await publisher;

        Assert.Equal(1, first.GetProperty("id").GetInt32());
        Assert.Equal(Topic, second.GetProperty("method").GetString());
    }

    internal static async Task SendAsync(ClientWebSocket socket, string json) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    internal static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            await message.WriteAsync(buffer.AsMemory(0, result.Count));
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement;
            }
        }
    }

    internal static async Task<(WebSocketCloseStatus? Status, string Reason)> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.CloseStatus, result.CloseStatusDescription ?? string.Empty);
            }
        }
    }
}
