using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Agora.Node.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Agora.Node.Tests.Rpc;

/// <summary>
/// Finding 3 of issue 14: connection limits in total and per remote IP, refused at once, a listener that recovers,
/// WebSocket limits per IP and an idle timeout. Other remote IPs are 127.0.0.x source addresses.
/// </summary>
public sealed class RpcConnectionLimitTests
{
    /// <summary>Bounds each wait so that a hung connection fails the test instead of stalling it.</summary>
    private static readonly TimeSpan WaitMax = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Given_one_ip_at_ConnectionsPerIpMax_when_it_connects_again_then_it_is_closed_at_once_while_another_ip_is_served()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { ConnectionsPerIpMax = 3 });
        var held = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var socket = await ConnectFromAsync("127.0.0.1", node.Server.Port);
                held.Add(socket);
                Assert.Contains("{\"status\":\"ok\"}", await GetHealthAsync(socket), StringComparison.Ordinal);
            }

            var refused = await IsRefusedAsync("127.0.0.1", node.Server.Port);
            using var other = await ConnectFromAsync("127.0.0.2", node.Server.Port);

            Assert.True(refused, "the connection over ConnectionsPerIpMax was not closed");
            Assert.Contains("{\"status\":\"ok\"}", await GetHealthAsync(other), StringComparison.Ordinal);
            Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"ConnectionsPerIpMax\"}"));
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Given_connections_at_ConnectionsMax_when_more_arrive_then_they_are_refused_quickly_and_once_closed_health_answers_again()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { ConnectionsMax = 4 });
        var held = new List<Socket>();
        for (var i = 0; i < 4; i++)
        {
            // Slow-header connections: connected, no request sent.
            held.Add(await ConnectFromAsync($"127.0.0.{i + 2}", node.Server.Port));
        }

        await WaitForMetricAsync(node, "agora_rpc_connections", 4);
        Assert.True(await IsRefusedAsync("127.0.0.9", node.Server.Port), "the connection over ConnectionsMax was not closed");

        held.ForEach(s => s.Dispose());
        await WaitForMetricAsync(node, "agora_rpc_connections", 0);
        using var after = await ConnectFromAsync("127.0.0.10", node.Server.Port);

        Assert.Contains("{\"status\":\"ok\"}", await GetHealthAsync(after), StringComparison.Ordinal);
        Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"ConnectionsMax\"}"));
    }

    [Fact]
    public async Task Given_one_ip_at_WebSocketConnectionsPerIpMax_when_it_opens_another_then_503_while_another_ip_connects()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { WebSocketConnectionsPerIpMax = 2, WebSocketConnectionsMax = 3 });
        using var first = await node.ConnectRawAsync();
        using var second = await node.ConnectRawAsync();
        using var third = new ClientWebSocket();
        third.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => third.ConnectAsync(node.Server.WebSocketUrl, CancellationToken.None));
        using var fromOther = await ConnectWebSocketFromAsync("127.0.0.2", node.Server.WebSocketUrl);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, fromOther.State);
        await RpcWebSocketTests.SendAsync(fromOther, """{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":1}""");
        Assert.Equal(3, (await RpcWebSocketTests.ReceiveJsonAsync(fromOther)).GetProperty("result").GetInt32());
        Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"WebSocketConnectionsPerIpMax\"}"));
    }

    [Fact]
    public async Task Given_a_websocket_that_never_sends_nor_subscribes_when_the_idle_timeout_passes_then_it_is_closed_with_the_reason()
    {
        var time = new FakeTimeProvider();
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { WebSocketIdleTimeout = TimeSpan.FromSeconds(60) }, time);
        using var socket = await node.ConnectRawAsync();
        await WaitForMetricAsync(node, "agora_rpc_websocket_connections", 1);

        time.Advance(TimeSpan.FromSeconds(61));
        var (status, reason) = await ReceiveCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("WebSocketIdleTimeout", reason, StringComparison.Ordinal);
        Assert.Equal(1, await node.MetricAsync("agora_rpc_websocket_dropped_total{reason=\"idle\"}"));
    }

    [Fact]
    public async Task Given_a_websocket_that_sends_requests_or_holds_a_subscription_when_time_passes_then_it_stays_open()
    {
        var time = new FakeTimeProvider();
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { WebSocketIdleTimeout = TimeSpan.FromSeconds(60) }, time);
        using var caller = await node.ConnectRawAsync();
        using var subscriber = await node.ConnectRawAsync();
        await WaitForMetricAsync(node, "agora_rpc_websocket_connections", 2);
        await RpcWebSocketTests.SendAsync(subscriber, """{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");
        await RpcWebSocketTests.ReceiveJsonAsync(subscriber);

        time.Advance(TimeSpan.FromSeconds(40));
        await RpcWebSocketTests.SendAsync(caller, """{"jsonrpc":"2.0","method":"test_add","params":[1,1],"id":1}""");
        await RpcWebSocketTests.ReceiveJsonAsync(caller);
        time.Advance(TimeSpan.FromSeconds(40)); // 80 s since the subscription, 40 s since the call
        await RpcWebSocketTests.SendAsync(caller, """{"jsonrpc":"2.0","method":"test_add","params":[2,2],"id":2}""");
        var answer = await RpcWebSocketTests.ReceiveJsonAsync(caller);
        node.Hub.Publish("chain_newHead", TestRpcNode.Header(8));
        var notification = await RpcWebSocketTests.ReceiveJsonAsync(subscriber);

        Assert.Equal(4, answer.GetProperty("result").GetInt32());
        Assert.Equal("chain_newHead", notification.GetProperty("method").GetString());
        Assert.Equal(0, await node.MetricAsync("agora_rpc_websocket_dropped_total{reason=\"idle\"}"));
    }

    [Fact]
    public async Task Given_listen_on_all_interfaces_when_started_then_the_log_says_so_and_names_the_local_url()
    {
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { ListenAddress = "0.0.0.0" }, loggerFactory: factory);

        var line = Assert.Single(logs.Lines, l => l.Message.StartsWith("JSON-RPC listening", StringComparison.Ordinal)).Message;

        Assert.Contains("on all interfaces (0.0.0.0 port", line, StringComparison.Ordinal);
        Assert.Contains($"local clients use http://127.0.0.1:{node.Server.Port}/", line, StringComparison.Ordinal);
    }

    private static async Task<Socket> ConnectFromAsync(string localAddress, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>One keep-alive <c>GET /health</c> on <paramref name="socket"/>; returns what came back.</summary>
    private static async Task<string> GetHealthAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(WaitMax);
        await socket.SendAsync("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), timeout.Token);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("{\"status\":\"ok\"}", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    /// <summary>
    /// Connects from <paramref name="localAddress"/> and sends nothing: true when the server closes or resets the
    /// connection before <see cref="WaitMax"/> (the reset may already fail the connect).
    /// </summary>
    private static async Task<bool> IsRefusedAsync(string localAddress, int port)
    {
        using var timeout = new CancellationTokenSource(WaitMax);
        try
        {
            using var socket = await ConnectFromAsync(localAddress, port);
            return await socket.ReceiveAsync(new byte[16], timeout.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<ClientWebSocket> ConnectWebSocketFromAsync(string localAddress, Uri url)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = await ConnectFromAsync(localAddress, context.DnsEndPoint.Port);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var invoker = new HttpMessageInvoker(handler);
        var client = new ClientWebSocket();
        await client.ConnectAsync(url, invoker, CancellationToken.None);
        return client;
    }

    private static async Task<(WebSocketCloseStatus? Status, string Reason)> ReceiveCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(WaitMax);
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.CloseStatus, result.CloseStatusDescription ?? string.Empty);
            }
        }
    }

    private static async Task WaitForMetricAsync(TestRpcNode node, string series, double value)
    {
        for (var i = 0; i < 500 && await node.MetricAsync(series) != value; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(value, await node.MetricAsync(series));
    }
}
