using System.Net;
using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Sdk.Tests.Client;

public sealed class RpcClientRetryTests
{
    private const string Health = """{"jsonrpc":"2.0","result":{"peers":0,"is_syncing":false,"best_block":7},"id":1}""";
    private static readonly Uri Node = new("http://127.0.0.1:9944/");

    // Millisecond backoffs: the tests assert what is sent, never how long it took.
    private static readonly RpcClientOptions Fast = new() { RetryBackoffBase = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(2) };

    [Fact]
    public async Task Given_a_node_that_refuses_twice_when_reading_then_the_third_attempt_answers()
    {
        var handler = FlakyNodeHandler.Refusing(2, Health);
        using var http = new HttpClient(handler);

        var health = await new ChainClient(new RpcClient(http, Node, Fast)).GetHealthAsync();

        Assert.Equal(7UL, health.BestBlock);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains("\"system_health\"", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_node_that_keeps_refusing_when_reading_then_it_gives_up_after_RetryCountMax_naming_method_and_attempts()
    {
        var handler = FlakyNodeHandler.Refusing(100, Health);
        using var http = new HttpClient(handler);
        var client = new RpcClient(http, Node, Fast with { RetryCountMax = 2 });

        var error = await Assert.ThrowsAsync<RpcRetriesExhaustedException>(() => client.CallAsync<JsonElement>("agora_getMetagraph", [1]));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("agora_getMetagraph", error.Method);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<NodeUnreachableException>(error.InnerException);
        Assert.StartsWith("agora_getMetagraph: gave up after 3 attempts (2 retries, RetryCountMax); the last failure: node unreachable at", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_method_that_may_write_when_its_call_fails_in_transit_then_it_is_sent_once_and_the_failure_is_raised_as_is()
    {
        var handler = FlakyNodeHandler.Resetting(1, _ => """{"jsonrpc":"2.0","result":true,"id":1}""");
        using var http = new HttpClient(handler);
        var client = new RpcClient(http, Node, Fast);

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => client.CallAsync<bool>("sudo_doSomething", [1]));

        Assert.Equal("connection reset by the node", error.Reason);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Given_a_gateway_error_when_reading_then_it_is_retried_and_a_client_error_status_is_not()
    {
        var gateway = FlakyNodeHandler.Status(1, HttpStatusCode.BadGateway, Health);
        var missing = FlakyNodeHandler.Status(1, HttpStatusCode.NotFound, Health);
        using var gatewayHttp = new HttpClient(gateway);
        using var missingHttp = new HttpClient(missing);

        var health = await new ChainClient(new RpcClient(gatewayHttp, Node, Fast)).GetHealthAsync();
        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => new ChainClient(new RpcClient(missingHttp, Node, Fast)).GetHealthAsync());

        Assert.Equal(7UL, health.BestBlock);
        Assert.Equal(2, gateway.Requests.Count);
        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatus);
        Assert.Single(missing.Requests);
    }

    [Fact]
    public async Task Given_a_busy_node_when_reading_then_it_is_retried_and_a_node_error_that_is_not_busy_is_not()
    {
        var busy = FlakyNodeHandler.RpcError(1, """{"code":-32009,"message":"server busy"}""", Health);
        var invalid = FlakyNodeHandler.RpcError(1, """{"code":-32602,"message":"no subnet has netuid 9"}""", Health);
        using var busyHttp = new HttpClient(busy);
        using var invalidHttp = new HttpClient(invalid);

        var health = await new ChainClient(new RpcClient(busyHttp, Node, Fast)).GetHealthAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => new RpcClient(invalidHttp, Node, Fast).CallAsync<JsonElement>("agora_getMetagraph", [9]));

        Assert.Equal(7UL, health.BestBlock);
        Assert.Equal(2, busy.Requests.Count);
        Assert.Equal(-32602, error.Code);
        Assert.Single(invalid.Requests);
    }

    [Fact]
    public async Task Given_a_node_that_never_answers_when_reading_then_each_attempt_times_out_and_the_last_timeout_is_reported()
    {
        using var http = new HttpClient(new HangingHandler());
        var client = new RpcClient(http, Node, Fast with { CallTimeout = TimeSpan.FromMilliseconds(20), RetryCountMax = 1 });

        var error = await Assert.ThrowsAsync<RpcRetriesExhaustedException>(() => client.CallAsync<JsonElement>("chain_getHeader"));

        Assert.Equal(2, error.Attempts);
        Assert.IsType<RpcTimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task Given_RetryCountMax_zero_when_the_node_refuses_then_the_first_failure_is_raised_as_is()
    {
        var handler = FlakyNodeHandler.Refusing(1, Health);
        using var http = new HttpClient(handler);

        await Assert.ThrowsAsync<NodeUnreachableException>(() => new ChainClient(new RpcClient(http, Node, Fast with { RetryCountMax = 0 })).GetHealthAsync());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Given_a_submission_whose_answer_was_lost_when_the_retry_finds_it_pooled_then_the_transaction_hash_is_returned()
    {
        var transaction = new byte[] { 1, 2, 3, 4 };
        var handler = FlakyNodeHandler.Resetting(1, _ => Rejection("Duplicate", 13, "transaction 0x… is already in the pool"));
        using var http = new HttpClient(handler);

        var hash = await new ChainClient(new RpcClient(http, Node, Fast)).SubmitTransactionAsync(transaction);

        Assert.Equal(Hash256.Of(transaction), hash);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0], handler.Requests[1].Replace("\"id\":2", "\"id\":1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_submission_whose_answer_was_lost_when_the_retry_meets_a_stale_nonce_then_it_says_the_transaction_may_be_included()
    {
        var transaction = new byte[] { 9, 9 };
        var handler = FlakyNodeHandler.Resetting(1, _ => Rejection("StaleNonce", 3, "nonce 4 was already used; the account's next nonce is 5"));
        using var http = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<TransactionMayBeIncludedException>(() => new ChainClient(new RpcClient(http, Node, Fast)).SubmitTransactionAsync(transaction));

        Assert.Equal(Hash256.Of(transaction), error.TransactionHash);
        Assert.Contains("look for it in recent blocks", error.Message, StringComparison.Ordinal);
        Assert.Contains("nonce 4 was already used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_first_submission_refused_as_a_duplicate_then_the_refusal_is_raised_not_taken_for_success()
    {
        var handler = FlakyNodeHandler.Resetting(0, _ => Rejection("Duplicate", 13, "transaction 0x… is already in the pool"));
        using var http = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<RpcException>(() => new ChainClient(new RpcClient(http, Node, Fast)).SubmitTransactionAsync(new byte[] { 5 }));

        Assert.Equal(1010, error.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Given_a_batch_of_reads_when_the_node_refuses_once_then_the_batch_is_sent_again()
    {
        var handler = FlakyNodeHandler.Refusing(1, """[{"jsonrpc":"2.0","result":1,"id":1},{"jsonrpc":"2.0","result":2,"id":2}]""");
        using var http = new HttpClient(handler);
        var batch = new RpcClient(http, Node, Fast).CreateBatch();
        var first = batch.Add<int>("chain_getBlockHash", [1]);
        var second = batch.Add<int>("system_health");

        await batch.SendAsync();

        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Given_a_batch_with_a_method_that_may_write_when_the_node_refuses_then_it_is_not_sent_again()
    {
        var handler = FlakyNodeHandler.Refusing(1, "[]");
        using var http = new HttpClient(handler);
        var batch = new RpcClient(http, Node, Fast).CreateBatch();
        _ = batch.Add<int>("chain_getBlockHash", [1]);
        _ = batch.Add<int>("sudo_doSomething");

        await Assert.ThrowsAsync<NodeUnreachableException>(() => batch.SendAsync());

        Assert.Single(handler.Requests);
    }

    private static string Rejection(string reason, int code, string message) =>
        $$"""{"jsonrpc":"2.0","error":{"code":1010,"message":"transaction rejected: {{message}}","data":{"reason":"{{reason}}","code":{{code}} } },"id":1}""";

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
