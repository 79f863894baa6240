using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Sdk.Tests.Client;

public sealed class RpcClientOfflineTests
{
    private static readonly Uri Node = new("http://127.0.0.1:9944/");

    [Fact]
    public async Task Given_no_node_listening_when_calling_then_NodeUnreachableException_says_connection_refused_and_how_to_start_one()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        using var http = new HttpClient();
        var client = new RpcClient(http, url, new RpcClientOptions { RetryCountMax = 0 });

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => client.CallAsync<JsonElement>("system_health"));

        Assert.Equal("connection refused", error.Reason);
        Assert.Equal($"node unreachable at {url}: connection refused — is `./agora node --dev` running? (or pass --network URL)", error.Message);
    }

    [Fact]
    public async Task Given_no_node_listening_when_opening_a_websocket_then_NodeUnreachableException_names_the_ws_url()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/");

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => RpcWebSocketClient.ConnectAsync(url));

        Assert.Equal("ws", error.Endpoint.Scheme);
        Assert.Contains("is `./agora node --dev` running?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_typed_params_when_calling_then_the_request_is_json_rpc_2_0_with_hex_hashes_ss58_accounts_and_integer_rao()
    {
        var handler = FakeNodeHandler.Json("""{"jsonrpc":"2.0","result":true,"id":1}""");
        using var http = new HttpClient(handler);
        var client = new RpcClient(http, Node);
        var account = new AccountId(new byte[32]);

        await client.CallAsync<bool>("test_params", [Hash256.Zero, account, new Rao(5), ulong.MaxValue, new byte[] { 0xab }]);

        var request = JsonDocument.Parse(handler.Requests.Single()).RootElement;
        Assert.Equal("2.0", request.GetProperty("jsonrpc").GetString());
        Assert.Equal("test_params", request.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Number, request.GetProperty("id").ValueKind);
        var parameters = request.GetProperty("params");
        Assert.Equal(Hash256.Zero.ToString(), parameters[0].GetString());
        Assert.Equal(account.ToString(), parameters[1].GetString());
        Assert.Equal(5UL, parameters[2].GetUInt64());
        Assert.Equal(ulong.MaxValue, parameters[3].GetUInt64());
        Assert.Equal("0xab", parameters[4].GetString());
    }

    [Fact]
    public async Task Given_a_proxy_error_page_when_calling_then_RpcProtocolException_says_to_check_the_url()
    {
        var handler = new FakeNodeHandler(_ => (HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html"));
        using var http = new HttpClient(handler);
        var client = new RpcClient(http, Node, new RpcClientOptions { RetryCountMax = 0 });

        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync<JsonElement>("system_health"));

        Assert.Contains("answered HTTP 502", error.Message, StringComparison.Ordinal);
        Assert.Contains("check that the URL is the node's RPC port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_413_with_a_json_rpc_error_when_calling_then_the_node_error_is_raised_as_RpcException()
    {
        var handler = new FakeNodeHandler(_ => (HttpStatusCode.RequestEntityTooLarge,
            """{"jsonrpc":"2.0","error":{"code":-32007,"message":"the request has 9 bytes, more than RequestBytesMax (8 bytes)"},"id":null}""",
            "application/json"));
        using var http = new HttpClient(handler);
        var client = new RpcClient(http, Node);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync<JsonElement>("author_submitTransaction", ["0x00"]));

        Assert.Equal(-32007, error.Code);
        Assert.Contains("RequestBytesMax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_batch_answers_out_of_order_when_sent_then_each_call_gets_the_answer_with_its_id()
    {
        var handler = new FakeNodeHandler(body =>
        {
            var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();
            return (HttpStatusCode.OK, $$"""[{"jsonrpc":"2.0","result":"second","id":{{ids[1]}}},{"jsonrpc":"2.0","result":"first","id":{{ids[0]}}}]""", "application/json");
        });
        using var http = new HttpClient(handler);
        var batch = new RpcClient(http, Node).CreateBatch();
        var first = batch.Add<string>("a");
        var second = batch.Add<string>("b");

        await batch.SendAsync();

        Assert.Equal("first", await first);
        Assert.Equal("second", await second);
    }

    [Fact]
    public async Task Given_a_batch_answer_missing_a_call_when_sent_then_that_call_fails_naming_its_id()
    {
        using var http = new HttpClient(FakeNodeHandler.Json("""[{"jsonrpc":"2.0","result":1,"id":1}]"""));
        var batch = new RpcClient(http, Node).CreateBatch();
        var answered = batch.Add<int>("a");
        var missing = batch.Add<int>("b");

        await batch.SendAsync();

        Assert.Equal(1, await answered);
        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => missing);
        Assert.Contains("no answer for id 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_response_over_ResponseBytesMax_when_calling_then_the_client_refuses_it_naming_the_limit()
    {
        using var http = new HttpClient(FakeNodeHandler.Json($$"""{"jsonrpc":"2.0","result":"{{new string('x', 2000)}}","id":1}"""));
        var client = new RpcClient(http, Node, new RpcClientOptions { ResponseBytesMax = 1000 });

        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync<string>("big"));

        Assert.Contains("ResponseBytesMax (1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_http_client_when_subscribing_through_ChainClient_then_it_says_a_websocket_is_needed()
    {
        using var http = new HttpClient(FakeNodeHandler.Json("{}"));
        var chain = new ChainClient(new RpcClient(http, Node));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chain.SubscribeNewHeadsAsync());

        Assert.Contains("RpcWebSocketClient.ConnectAsync", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
