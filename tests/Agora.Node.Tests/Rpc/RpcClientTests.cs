using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Node.Rpc;
using Agora.Sdk.Client;
using ClientRpcException = Agora.Sdk.Client.RpcException;

namespace Agora.Node.Tests.Rpc;

public sealed class RpcClientTests : IAsyncLifetime
{
    private TestRpcNode _node = null!;
    private RpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _node = await TestRpcNode.StartAsync(new RpcServerOptions { BatchCountMax = 5 });
        _client = new RpcClient(_node.Http, _node.Server.HttpUrl);
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Given_a_method_when_called_through_the_client_then_the_typed_result_comes_back()
    {
        var sum = await _client.CallAsync<ulong>("test_add", [ulong.MaxValue - 1, 1]);

        Assert.Equal(ulong.MaxValue, sum);
    }

    [Fact]
    public async Task Given_an_application_error_when_called_through_the_client_then_RpcException_carries_code_message_and_data()
    {
        var error = await Assert.ThrowsAsync<ClientRpcException>(() => _client.CallAsync<JsonElement>("test_reject"));

        Assert.Equal(RpcErrorCodes.TransactionRejected, error.Code);
        Assert.Equal("test_reject", error.Method);
        Assert.Equal("transaction rejected: stale nonce (expected 5, got 3)", error.RpcMessage);
        Assert.Equal(5, error.ErrorData!.Value.GetProperty("expected").GetInt32());
        Assert.Contains("stale nonce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_batch_when_sent_then_each_call_completes_with_its_own_result_or_error()
    {
        var batch = _client.CreateBatch();
        var sum = batch.Add<ulong>("test_add", [1, 2]);
        var rejected = batch.Add<JsonElement>("test_reject");
        var echo = batch.Add<string[]>("test_echo", ["hi"]);

        await batch.SendAsync();

        Assert.Equal(3UL, await sum);
        Assert.Equal(RpcErrorCodes.TransactionRejected, (await Assert.ThrowsAsync<ClientRpcException>(() => rejected)).Code);
        Assert.Equal(["hi"], await echo);
        Assert.Throws<InvalidOperationException>(() => { _ = batch.Add<ulong>("test_add", [1, 1]); });
    }

    [Fact]
    public async Task Given_a_batch_over_the_node_limit_when_sent_then_every_call_fails_with_the_limit_named()
    {
        var batch = _client.CreateBatch();
        var calls = Enumerable.Range(0, 6).Select(_ => batch.Add<ulong>("test_add", [1, 1])).ToList();

        var error = await Assert.ThrowsAsync<ClientRpcException>(() => batch.SendAsync());

        Assert.Equal(RpcErrorCodes.BatchTooBig, error.Code);
        Assert.Contains("BatchCountMax (5)", error.Message, StringComparison.Ordinal);
        Assert.All(calls, c => Assert.True(c.IsFaulted));
    }

    [Fact]
    public async Task Given_a_slow_method_when_the_call_timeout_passes_then_RpcTimeoutException_says_the_node_did_not_answer()
    {
        var client = new RpcClient(_node.Http, _node.Server.HttpUrl, new RpcClientOptions { CallTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync<JsonElement>("test_slow"));

        Assert.Contains("did not answer within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_node_with_the_chain_methods_when_using_ChainClient_then_every_typed_result_reads_back()
    {
        var chain = new ChainClient(_client);
        var transaction = new byte[] { 1, 2, 3 };

        var health = await chain.GetHealthAsync();
        var best = await chain.GetHeaderAsync();
        var unknown = await chain.GetHeaderAsync(Hash256.Of("unknown"u8));
        var hash = await chain.GetBlockHashAsync(7);
        var beyond = await chain.GetBlockHashAsync(8);
        var finalized = await chain.GetFinalizedHeadAsync();
        var submitted = await chain.SubmitTransactionAsync(transaction);
        var alice = await chain.GetAccountAsync(TestRpcNode.Alice);
        var fee = await chain.QueryFeeAsync(transaction);

        Assert.Equal(new SystemHealth(3, false, 7), health);
        Assert.Equal(7UL, best!.Number);
        Assert.Equal(Hash256.Of("state"u8), best.StateRoot);
        Assert.Equal(TestRpcNode.Alice, best.Author);
        Assert.Null(unknown);
        Assert.Equal(TestRpcNode.SomeHash, hash);
        Assert.Null(beyond);
        Assert.Equal(TestRpcNode.SomeHash, finalized);
        Assert.Equal(Hash256.Of(transaction), submitted);
        Assert.Equal(new AccountInfo(new Rao(1_000_000_000_000), new Rao(5), Rao.Zero, 4), alice);
        Assert.Equal(new Rao(3000), fee.Fee);
    }

    [Fact]
    public async Task Given_a_result_of_the_wrong_shape_when_read_then_RpcProtocolException_names_method_and_type()
    {
        var error = await Assert.ThrowsAsync<RpcProtocolException>(() => _client.CallAsync<Hash256>("test_add", [1, 2]));

        Assert.Contains("test_add returned 3, which does not read as Hash256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_notification_when_sent_by_the_client_then_the_node_runs_it()
    {
        await _client.NotifyAsync("test_notify");

        Assert.Equal(1, _node.NotificationsReceived);
    }
}
