using System.Text.Json;
using Agora.Node.Rpc;

namespace Agora.Node.Tests.Rpc;

public sealed class RpcHttpTests : IAsyncLifetime
{
    private TestRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await TestRpcNode.StartAsync(new RpcServerOptions { RequestBytesMax = 64 * 1024, BatchCountMax = 10 });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Given_a_single_call_when_posted_then_the_result_comes_back_with_the_same_id()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add","params":[2,3],"id":"abc"}""");

        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.Equal(5UL, response.GetProperty("result").GetUInt64());
        Assert.Equal("abc", response.GetProperty("id").GetString());
        Assert.False(response.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Given_params_by_name_when_called_then_the_method_reads_them_by_name()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add","params":{"a":40,"b":2},"id":1}""");

        Assert.Equal(42UL, response.GetProperty("result").GetUInt64());
    }

    [Fact]
    public async Task Given_a_batch_with_a_notification_when_posted_then_each_call_but_the_notification_is_answered()
    {
        var response = await _node.PostJsonAsync("""
            [{"jsonrpc":"2.0","method":"test_add","params":[1,1],"id":1},
             {"jsonrpc":"2.0","method":"test_notify"},
             {"jsonrpc":"2.0","method":"nope","id":2},
             {"jsonrpc":"2.0","method":"test_add","params":[2,2],"id":3}]
            """);

        var answers = response.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt32());
        Assert.Equal(3, answers.Count);
        Assert.Equal(2UL, answers[1].GetProperty("result").GetUInt64());
        Assert.Equal(RpcErrorCodes.MethodNotFound, answers[2].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(4UL, answers[3].GetProperty("result").GetUInt64());
        Assert.Equal(1, _node.NotificationsReceived);
    }

    [Fact]
    public async Task Given_a_notification_when_posted_then_the_method_runs_and_nothing_is_answered()
    {
        var (status, body) = await _node.PostAsync("""{"jsonrpc":"2.0","method":"test_notify","params":[]}""");

        Assert.Equal(204, status);
        Assert.Empty(body);
        Assert.Equal(1, _node.NotificationsReceived);
    }

    [Fact]
    public async Task Given_a_batch_of_only_notifications_when_posted_then_nothing_is_answered()
    {
        var (status, body) = await _node.PostAsync("""[{"jsonrpc":"2.0","method":"test_notify"},{"jsonrpc":"2.0","method":"test_notify"}]""");

        Assert.Equal(204, status);
        Assert.Empty(body);
        Assert.Equal(2, _node.NotificationsReceived);
    }

    [Fact]
    public async Task Given_malformed_json_when_posted_then_the_answer_is_a_parse_error_with_a_null_id()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add",""");

        AssertError(response, RpcErrorCodes.ParseError, "not valid JSON");
        Assert.Equal(JsonValueKind.Null, response.GetProperty("id").ValueKind);
    }

    [Theory]
    [InlineData("""{"method":"test_add","id":1}""", "\"jsonrpc\" must be the string \"2.0\"")]
    [InlineData("""{"jsonrpc":"1.0","method":"test_add","id":1}""", "\"jsonrpc\" must be the string \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","method":5,"id":1}""", "\"method\" must be a string")]
    [InlineData("""{"jsonrpc":"2.0","method":"test_add","params":"bar","id":1}""", "\"params\" must be an array")]
    [InlineData("""{"jsonrpc":"2.0","method":"test_add","id":{"x":1}}""", "\"id\" must be a string, a number or null")]
    [InlineData("""[]""", "the batch is empty")]
    [InlineData("""42""", "must be a JSON object")]
    public async Task Given_an_invalid_request_when_posted_then_the_answer_is_invalid_request_saying_what_is_wrong(string json, string problem)
    {
        var response = await _node.PostJsonAsync(json);

        AssertError(response, RpcErrorCodes.InvalidRequest, problem);
    }

    [Fact]
    public async Task Given_a_batch_of_non_objects_when_posted_then_each_entry_gets_an_invalid_request_error()
    {
        var response = await _node.PostJsonAsync("[1,2,3]");

        Assert.Equal(3, response.GetArrayLength());
        Assert.All(response.EnumerateArray(), r => AssertError(r, RpcErrorCodes.InvalidRequest, "must be a JSON object"));
    }

    [Fact]
    public async Task Given_an_unknown_method_when_called_then_the_error_is_method_not_found_naming_it()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"chain_getNothing","id":7}""");

        AssertError(response, RpcErrorCodes.MethodNotFound, "method not found: chain_getNothing");
        Assert.Equal(7, response.GetProperty("id").GetInt32());
    }

    [Theory]
    [InlineData("""[1,"2"]""", "test_add: parameter 1 (b) must be a non-negative integer")]
    [InlineData("""[1]""", "test_add: parameter 1 (b) is missing")]
    [InlineData("""[-1,2]""", "test_add: parameter 0 (a) must be a non-negative integer")]
    public async Task Given_wrong_params_when_called_then_the_error_is_invalid_params_naming_the_parameter(string parameters, string problem)
    {
        var response = await _node.PostJsonAsync($$"""{"jsonrpc":"2.0","method":"test_add","params":{{parameters}},"id":1}""");

        AssertError(response, RpcErrorCodes.InvalidParams, problem);
    }

    [Fact]
    public async Task Given_a_malformed_hash_param_when_called_then_invalid_params_says_what_a_hash_must_be()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_hash","params":["0x1234"],"id":1}""");

        AssertError(response, RpcErrorCodes.InvalidParams, "test_hash: parameter 0 (hash) is not a valid Hash256: hash must be 32 bytes");
    }

    [Fact]
    public async Task Given_a_handler_that_crashes_when_called_then_the_error_is_internal_without_details()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_crash","id":1}""");

        AssertError(response, RpcErrorCodes.InternalError, "internal error in test_crash (reference ");
        var raw = response.GetRawText();
        Assert.DoesNotContain("secret", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
        Assert.False(response.GetProperty("error").TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Given_an_application_error_when_called_then_its_code_message_and_snake_case_data_are_answered()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_reject","id":1}""");

        AssertError(response, RpcErrorCodes.TransactionRejected, "transaction rejected: stale nonce (expected 5, got 3)");
        var data = response.GetProperty("error").GetProperty("data");
        Assert.Equal(5, data.GetProperty("expected").GetInt32());
        Assert.Equal(3, data.GetProperty("got").GetInt32());
    }

    [Fact]
    public async Task Given_a_request_over_RequestBytesMax_when_posted_then_it_is_rejected_with_413_naming_the_limit()
    {
        var padding = new string('x', 70 * 1024);
        var (status, body) = await _node.PostAsync($$"""{"jsonrpc":"2.0","method":"test_echo","params":["{{padding}}"],"id":1}""");

        Assert.Equal(413, status);
        var response = JsonDocument.Parse(body).RootElement;
        AssertError(response, RpcErrorCodes.RequestTooBig, "RequestBytesMax (65536 bytes)");
    }

    [Fact]
    public async Task Given_a_batch_over_BatchCountMax_when_posted_then_it_is_rejected_naming_the_limit()
    {
        var calls = string.Join(',', Enumerable.Range(1, 11).Select(i => $$"""{"jsonrpc":"2.0","method":"test_add","params":[1,1],"id":{{i}}}"""));

        var response = await _node.PostJsonAsync($"[{calls}]");

        AssertError(response, RpcErrorCodes.BatchTooBig, "the batch has 11 calls, more than BatchCountMax (10)");
    }

    [Fact]
    public async Task Given_a_result_object_when_answered_then_keys_are_snake_case_u64_is_an_integer_and_hashes_are_hex()
    {
        var (_, body) = await _node.PostAsync("""{"jsonrpc":"2.0","method":"test_shapes","id":1}""");

        Assert.Contains("\"best_block\":18446744073709551615", body, StringComparison.Ordinal);
        Assert.Contains($"\"parent_hash\":\"{TestRpcNode.SomeHash}\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"author\":\"{TestRpcNode.Alice}\"", body, StringComparison.Ordinal);
        Assert.Contains("\"free\":42", body, StringComparison.Ordinal);
        Assert.Contains("\"bytes\":\"0x0102\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_subscription_method_when_called_over_http_then_the_error_says_to_use_a_websocket()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"chain_subscribeNewHeads","id":1}""");

        AssertError(response, RpcErrorCodes.MethodNotFound, "needs a WebSocket");
    }

    [Fact]
    public async Task Given_the_registry_when_rpc_methods_is_called_then_it_lists_the_registered_names()
    {
        var response = await _node.PostJsonAsync("""{"jsonrpc":"2.0","method":"rpc_methods","id":1}""");

        var names = response.GetProperty("result").GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("test_add", names);
        Assert.Contains("chain_subscribeNewHeads", names);
        Assert.Contains("rpc_methods", names);
    }

    [Fact]
    public async Task Given_a_running_server_when_health_is_requested_then_it_answers_ok()
    {
        using var response = await _node.Http.GetAsync(new Uri(_node.Server.HttpUrl, "/health"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_no_allowed_origins_when_a_browser_page_posts_then_it_is_refused_without_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _node.Server.HttpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":1}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://localhost:8080");

        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        AssertError(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, RpcErrorCodes.InvalidRequest, "--rpc-cors http://localhost:8080");
    }

    internal static void AssertError(JsonElement response, int code, string messagePart)
    {
        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        Assert.False(response.TryGetProperty("result", out _));
        var error = response.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
