using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Node.Rpc;

namespace Agora.Node.Tests.Rpc;

/// <summary>Finding 5 of issue 14: a web page the user opens must not be able to drive a local node.</summary>
public sealed class RpcBrowserAccessTests
{
    private const string Call = """{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":1}""";

    [Fact]
    public async Task Given_a_text_plain_post_when_sent_then_it_is_refused_with_415_naming_the_json_content_type()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var content = new StringContent(Call, Encoding.UTF8, "text/plain");

        using var response = await node.Http.PostAsync(node.Server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        RpcHttpTests.AssertError(error, RpcErrorCodes.InvalidRequest, "Content-Type: application/json");
        Assert.Contains("found 'text/plain; charset=utf-8'", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"JsonContentType\"}"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task Given_a_json_content_type_with_or_without_charset_when_posted_then_the_call_is_answered(string contentType)
    {
        await using var node = await TestRpcNode.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Call));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await node.Http.PostAsync(node.Server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result").GetInt32());
    }

    [Fact]
    public async Task Given_a_post_without_content_type_when_sent_then_it_is_refused_with_415()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Call));

        using var response = await node.Http.PostAsync(node.Server.HttpUrl, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("found none", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_allowed_origin_when_a_page_posts_then_the_cors_header_names_that_origin()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { CorsAllowedOrigins = ["http://localhost:8080"] });

        using var response = await PostAsync(node, request => request.Headers.Add("Origin", "http://localhost:8080"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:8080", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Given_one_allowed_origin_when_another_page_posts_then_it_gets_403()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { CorsAllowedOrigins = ["http://localhost:8080"] });

        using var response = await PostAsync(node, request => request.Headers.Add("Origin", "https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"CorsAllowedOrigins\"}"));
    }

    [Fact]
    public async Task Given_all_origins_allowed_when_a_page_posts_then_the_cors_header_is_a_wildcard()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { CorsAllowedOrigins = ["*"] });

        using var response = await PostAsync(node, request => request.Headers.Add("Origin", "https://anything.example"));

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Given_a_rebound_dns_name_as_host_when_posting_then_it_gets_403_naming_the_flag()
    {
        await using var node = await TestRpcNode.StartAsync();

        using var response = await PostAsync(node, request => request.Headers.Host = "attacker.example:9944");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        RpcHttpTests.AssertError(error, RpcErrorCodes.InvalidRequest, "Host 'attacker.example' is not allowed");
        Assert.Contains("--rpc-host attacker.example", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await node.MetricAsync("agora_rpc_limit_hits_total{limit=\"HostsAllowed\"}"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:9944")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]:9944")]
    [InlineData("192.168.1.20:9944")]
    public async Task Given_localhost_or_an_ip_literal_as_host_when_posting_then_the_call_is_answered(string host)
    {
        await using var node = await TestRpcNode.StartAsync();

        using var response = await PostAsync(node, request => request.Headers.Host = host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("node.example", "node.example:9944", HttpStatusCode.OK)]
    [InlineData("*", "anything.example", HttpStatusCode.OK)]
    [InlineData("node.example", "other.example", HttpStatusCode.Forbidden)]
    public async Task Given_hosts_allowed_when_posting_then_only_those_names_are_answered(string allowed, string host, HttpStatusCode expected)
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { HostsAllowed = [allowed] });

        using var response = await PostAsync(node, request => request.Headers.Host = host);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Given_a_foreign_origin_when_upgrading_to_a_websocket_then_the_upgrade_is_refused_with_403()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", "https://evil.example");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(node.Server.WebSocketUrl, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Given_an_allowed_origin_when_upgrading_to_a_websocket_then_calls_are_answered()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { CorsAllowedOrigins = ["http://localhost:8080"] });
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://localhost:8080");
        await socket.ConnectAsync(node.Server.WebSocketUrl, CancellationToken.None);

        await RpcWebSocketTests.SendAsync(socket, Call);
        var response = await RpcWebSocketTests.ReceiveJsonAsync(socket);

        Assert.Equal(3, response.GetProperty("result").GetInt32());
    }

    private static async Task<HttpResponseMessage> PostAsync(TestRpcNode node, Action<HttpRequestMessage> adjust)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, node.Server.HttpUrl)
        {
            Content = new StringContent(Call, Encoding.UTF8, "application/json"),
        };
        adjust(request);
        return await node.Http.SendAsync(request);
    }
}
