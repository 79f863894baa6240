using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Node.Rpc;
using static Agora.Node.Tests.Rpc.RpcWebSocketTests;

namespace Agora.Node.Tests.Rpc;

/// <summary>Issue #14 finding 6 (dispatcher): malformed input gets a specific JSON-RPC error, never a 500 or a trace.</summary>
public sealed class DispatcherInputTests
{
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF];

    [Fact]
    public async Task Given_a_request_with_invalid_UTF8_when_posted_then_the_answer_is_a_parse_error_not_HTTP_500()
    {
        await using var node = await TestRpcNode.StartAsync();

        var (status, body) = await PostBytesAsync(node, WithInvalidUtf8("""{"jsonrpc":"2.0","method":"test_echo","params":["@BAD@"],"id":1}"""));
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");

        Assert.Equal(200, status);
        Assert.Equal(RpcErrorCodes.ParseError, error.GetProperty("code").GetInt32());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_batch_with_one_invalid_UTF8_item_when_posted_then_only_that_item_is_an_invalid_request_and_the_others_run()
    {
        await using var node = await TestRpcNode.StartAsync();

        var (status, body) = await PostBytesAsync(node, WithInvalidUtf8(
            """[{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":1},{"jsonrpc":"2.0","method":"test_echo","params":["@BAD@"],"id":2},{"jsonrpc":"2.0","method":"test_add","params":[3,4],"id":3}]"""));
        var responses = JsonDocument.Parse(body).RootElement.EnumerateArray().ToArray();

        Assert.Equal(200, status);
        Assert.Equal(3UL, responses[0].GetProperty("result").GetUInt64());
        Assert.Equal(RpcErrorCodes.InvalidRequest, responses[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(7UL, responses[2].GetProperty("result").GetUInt64());
    }

    [Fact]
    public async Task Given_a_binary_websocket_message_with_invalid_UTF8_when_sent_then_the_answer_is_a_parse_error_and_the_connection_stays_open()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var socket = await node.ConnectRawAsync();

        await socket.SendAsync(WithInvalidUtf8("""{"jsonrpc":"2.0","method":"test_echo","params":["@BAD@"],"id":1}"""), WebSocketMessageType.Binary, true, CancellationToken.None);
        var error = await ReceiveJsonAsync(socket);
        await SendAsync(socket, """{"jsonrpc":"2.0","method":"test_add","params":[20,22],"id":2}""");
        var after = await ReceiveJsonAsync(socket);

        Assert.Equal(RpcErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(42UL, after.GetProperty("result").GetUInt64());
    }

    [Fact]
    public async Task Given_a_text_websocket_message_with_invalid_UTF8_when_sent_then_the_connection_closes_with_invalid_payload_data_as_RFC_6455_requires()
    {
        await using var node = await TestRpcNode.StartAsync();
        using var socket = await node.ConnectRawAsync();

        await socket.SendAsync(WithInvalidUtf8("""{"jsonrpc":"2.0","method":"test_echo","params":["@BAD@"],"id":1}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var (status, _) = await RpcWebSocketTests.ReadUntilClosedAsync(socket);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"test_hash","params":["\ud800"],"id":1}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"chain_getBlockHash","params":{"number":"\ud800"},"id":1}""")]
    public async Task Given_params_text_that_is_not_valid_Unicode_when_called_then_the_error_is_invalid_params_not_internal(string request)
    {
        await using var node = await TestRpcNode.StartAsync();

        var response = await node.PostJsonAsync(request);

        Assert.Equal(RpcErrorCodes.InvalidParams, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Given_a_method_name_that_is_not_valid_Unicode_when_called_then_the_error_is_invalid_request()
    {
        await using var node = await TestRpcNode.StartAsync();

        var response = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_\ud800","id":1}""");

        Assert.Equal(RpcErrorCodes.InvalidRequest, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(1, response.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Given_an_unknown_named_parameter_when_called_then_the_error_names_it_and_the_known_ones()
    {
        await using var node = await TestRpcNode.StartAsync();

        var response = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add","params":{"a":1,"b":2,"c":3},"id":1}""");
        var known = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add","params":{"a":1,"b":2},"id":2}""");
        var error = response.GetProperty("error");

        Assert.Equal(RpcErrorCodes.InvalidParams, error.GetProperty("code").GetInt32());
        Assert.Equal("test_add: unknown parameter \"c\"; it takes \"a\", \"b\"", error.GetProperty("message").GetString());
        Assert.Equal(3UL, known.GetProperty("result").GetUInt64());
    }

    [Fact]
    public async Task Given_a_misspelt_named_parameter_of_a_method_that_declares_its_names_when_called_then_it_is_refused_before_running()
    {
        await using var node = await ChainRpcNode.StartAsync();
        var pending = node.Core.PendingCount;

        var getBlock = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"chain_getBlock","params":{"hsah":null},"id":1}""");
        var submit = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"author_submitTransaction","params":{"transaction":"0x00","tip":1},"id":2}""");

        Assert.Equal("chain_getBlock: unknown parameter \"hsah\"; it takes \"hash\", \"transactions\"", getBlock.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(RpcErrorCodes.InvalidParams, submit.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("\"tip\"", submit.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(pending, node.Core.PendingCount);
    }

    [Fact]
    public async Task Given_a_10_KB_invalid_address_when_asking_state_getAccount_then_the_error_echoes_only_its_first_characters()
    {
        await using var node = await ChainRpcNode.StartAsync();
        var address = new string('5', 10_000);

        var response = await node.PostJsonAsync($$"""{"jsonrpc":"2.0","method":"state_getAccount","params":["{{address}}"],"id":1}""");
        var message = response.GetProperty("error").GetProperty("message").GetString()!;

        Assert.Equal(RpcErrorCodes.InvalidParams, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.InRange(message.Length, 1, 200);
        Assert.Contains(new string('5', RpcText.ShownInputCharsMax) + "…", message, StringComparison.Ordinal);
    }

    /// <summary><paramref name="json"/> as UTF-8 with its one <c>@BAD@</c> replaced by bytes that are not UTF-8.</summary>
    private static byte[] WithInvalidUtf8(string json)
    {
        var at = json.IndexOf("@BAD@", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. InvalidUtf8, .. Encoding.UTF8.GetBytes(json[(at + 5)..])];
    }

    private static async Task<(int Status, string Body)> PostBytesAsync(TestRpcNode node, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await node.Http.PostAsync(node.Server.HttpUrl, content);
        return ((int)response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }
}
