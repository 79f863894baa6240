using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Testing.Attacks;

namespace Agora.EndToEnd.Tests.Attacks;

/// <summary>
/// Findings 5 and 6 of the node-hardening review against a real node process: what a web page in the user's browser
/// can send to a local node, and malformed input, each refused with its own answer while the node keeps serving.
/// </summary>
[Collection(AttackGroup.Name)]
[Trait("Category", "Attack")]
public sealed class HostileInputTests
{
    [Fact]
    public async Task A_web_page_cannot_drive_a_local_node_and_malformed_input_gets_json_rpc_errors_not_500()
    {
        await using var node = await AttackNode.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var url = node.Target.RpcUrl;
        const string Health = """{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}""";

        // A page's cross-origin POST (with a JSON body, so the browser asked first) is refused without CORS headers
        using (var fromPage = Post(url, Health, "application/json"))
        {
            fromPage.Headers.Add("Origin", "http://evil.example");
            using var response = await http.SendAsync(fromPage);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        // A "simple" text/plain POST, which browsers send cross-origin without asking, is refused
        using (var plain = Post(url, Health, "text/plain"))
        using (var response = await http.SendAsync(plain))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        // A DNS-rebound name in Host is refused
        using (var rebound = Post(url, Health, "application/json"))
        {
            rebound.Headers.Host = $"evil.example:{url.Port}";
            using var response = await http.SendAsync(rebound);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // A WebSocket upgrade from a page's origin is refused
        using (var socket = new ClientWebSocket())
        {
            socket.Options.SetRequestHeader("Origin", "http://evil.example");
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(node.Target.WebSocketUrl, CancellationToken.None));
            Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        }

        // Invalid UTF-8 is a parse error, answered as JSON-RPC, not HTTP 500
        using (var invalid = new ByteArrayContent([(byte)'{', 0xC3, 0x28, (byte)'}']))
        {
            invalid.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(url, invalid);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(-32700, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        }

        // An unknown named parameter is -32602, and a 10 KB invalid address is not echoed back
        using var rpc = new RawRpc(url, TimeSpan.FromSeconds(10));
        var misspelt = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"state_getAccount","params":{"acount":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"}}""");
        using (var reply = JsonDocument.Parse(await rpc.PostAsync(misspelt, CancellationToken.None)))
        {
            var error = reply.RootElement.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Contains("acount", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var address = new string('5', 10_000);
        var echoed = await Assert.ThrowsAsync<RawRpcException>(() => rpc.CallAsync("state_getAccount", [address], CancellationToken.None));
        Assert.True(echoed.Message.Length < 2_000, $"the error echoed {echoed.Message.Length} characters");

        // And the node still serves: health answers and a funded transfer goes in
        var observation = await new NodeObserver(node.Target).ObserveAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        AttackAssert.NodeServed(observation, node.Process, 1024L * 1024 * 1024, "after hostile input");
    }

    private static HttpRequestMessage Post(Uri url, string json, string contentType) =>
        new(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType)) };
}
