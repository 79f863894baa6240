using System.Net.Sockets;
using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Node.Tests.Sdk;

/// <summary>The SDK client's retries, reconnection and resubscription against a real RPC server that stops and starts again.</summary>
public sealed class ChainClientResilienceTests : IAsyncLifetime
{
    private static readonly TimeSpan WaitMax = TimeSpan.FromSeconds(30);

    private static readonly RpcClientOptions Options = new()
    {
        RetryBackoffBase = TimeSpan.FromMilliseconds(20),
        RetryBackoffMax = TimeSpan.FromMilliseconds(200),
        CallTimeout = TimeSpan.FromSeconds(10),
    };

    private RestartableRpcNode _node = null!;

    public async Task InitializeAsync() => _node = await RestartableRpcNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_new_heads_subscription_survives_a_node_restart_and_resumes_from_the_current_head_so_the_gap_shows_in_block_numbers()
    {
        await using var socket = await RpcWebSocketClient.ConnectAsync(_node.HttpUrl, Options);
        await using var heads = await new ChainClient(socket).SubscribeNewHeadsAsync();
        await using var received = heads.GetAsyncEnumerator();

        _node.Core.ProduceBlock();
        Assert.True(await received.MoveNextAsync());
        Assert.Equal(1UL, received.Current.Number);

        await _node.StopAsync();
        _node.Core.ProduceBlock(); // published while nobody listens: this notification is lost
        await _node.StartAgainAsync();
        await WaitUntilAsync(() => heads.Resubscriptions == 1);
        _node.Core.ProduceBlock();

        Assert.True(await received.MoveNextAsync());
        Assert.Equal(3UL, received.Current.Number);
        Assert.Equal(1, socket.Reconnects);
        Assert.True(socket.IsOpen);
    }

    [Fact]
    public async Task A_read_made_while_the_node_is_down_is_answered_once_it_is_back()
    {
        await using var socket = await RpcWebSocketClient.ConnectAsync(_node.HttpUrl, Options with { RetryCountMax = 50 });
        var chain = new ChainClient(socket);

        await _node.StopAsync();
        var health = chain.GetHealthAsync();
        await _node.StartAgainAsync();

        Assert.Equal(0UL, (await health).BestBlock);
    }

    [Fact]
    public async Task When_the_node_stays_away_past_ReconnectTimeMax_the_subscription_ends_saying_reconnecting_failed()
    {
        await using var socket = await RpcWebSocketClient.ConnectAsync(_node.HttpUrl, Options with { ReconnectTimeMax = TimeSpan.FromMilliseconds(300) });
        await using var heads = await new ChainClient(socket).SubscribeNewHeadsAsync();

        await _node.StopAsync();
        var closed = await Assert.ThrowsAsync<RpcConnectionClosedException>(async () =>
        {
            await foreach (var unused in heads)
            {
                Assert.Fail("no block was produced");
            }
        });

        Assert.Contains("node is shutting down; reconnecting failed for 0.3 s (ReconnectTimeMax)", closed.Message, StringComparison.Ordinal);
        Assert.False(socket.IsOpen);
        await Assert.ThrowsAsync<RpcConnectionClosedException>(() => socket.CallAsync<JsonElement>("system_health"));
    }

    [Fact]
    public async Task The_node_refuses_the_same_signed_transaction_twice_as_a_duplicate_which_is_what_makes_retrying_a_submission_safe()
    {
        using var http = new HttpClient();
        var client = new RpcClient(http, _node.HttpUrl, Options with { RetryCountMax = 0 });
        var transfer = _node.Fixture.Transfer(_node.Fixture.Alice, _node.Fixture.Bob.Account, Rao.FromTao(1));
        var hex = HexFormat.Encode(transfer.Encoded);

        var hash = await client.CallAsync<Hash256>("author_submitTransaction", [hex]);
        var again = await Assert.ThrowsAsync<RpcException>(() => client.CallAsync<Hash256>("author_submitTransaction", [hex]));

        Assert.Equal(transfer.Hash, hash);
        Assert.Equal(1010, again.Code);
        Assert.Equal("Duplicate", again.ErrorData!.Value.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_submission_whose_answer_is_lost_after_the_node_pooled_it_returns_its_hash_and_is_pooled_once()
    {
        using var http = new HttpClient(new LoseFirstAnswer());
        var chain = new ChainClient(new RpcClient(http, _node.HttpUrl, Options));
        var transfer = _node.Fixture.Transfer(_node.Fixture.Alice, _node.Fixture.Bob.Account, Rao.FromTao(1));

        var hash = await chain.SubmitTransactionAsync(transfer.Encoded);

        Assert.Equal(transfer.Hash, hash);
        Assert.Equal(1, _node.Core.PendingCount);
        var included = _node.Core.ProduceBlock();
        Assert.Equal([transfer.Hash], included.Block.Transactions.Select(t => t.Hash));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(WaitMax);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Delivers the first request to the node, then drops its answer as a connection reset would.</summary>
    private sealed class LoseFirstAnswer : DelegatingHandler
    {
        private int _requests;

        public LoseFirstAnswer()
            : base(new HttpClientHandler())
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _requests) == 1)
            {
                response.Dispose();
                throw new HttpRequestException("simulated reset after delivery", new SocketException((int)SocketError.ConnectionReset));
            }

            return response;
        }
    }
}
