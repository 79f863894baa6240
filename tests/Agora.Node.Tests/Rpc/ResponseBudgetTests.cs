using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Node.Rpc;
using Agora.Protocol.Balances;

namespace Agora.Node.Tests.Rpc;

/// <summary>Issue #14 finding 4: a small request must not make the node build or hold a huge response.</summary>
public sealed class ResponseBudgetTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Given_a_batch_whose_responses_pass_ResponseBytesMax_when_dispatched_then_later_calls_are_not_run_and_get_an_error_naming_the_budget()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { ResponseBytesMax = (int)(3.5 * MiB) });
        var big = $$"""{"jsonrpc":"2.0","method":"test_big","params":[{{MiB}}],"id":"big"}""";

        var (status, body) = await node.PostAsync($$"""[{{big}},{{big}},{{big}},{{big}},{"jsonrpc":"2.0","method":"test_notify","id":"after"}]""");
        var responses = JsonDocument.Parse(body).RootElement.EnumerateArray().ToArray();

        Assert.Equal(200, status);
        Assert.InRange(body.Length, 3 * MiB, (int)(3.5 * MiB));
        Assert.Equal(5, responses.Length);
        Assert.All(responses[..3], r => Assert.Equal(MiB, r.GetProperty("result").GetString()!.Length));
        Assert.All(responses[3..], r => Assert.Equal(RpcErrorCodes.ResponseTooBig, r.GetProperty("error").GetProperty("code").GetInt32()));
        Assert.Contains("ResponseBytesMax", responses[3].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("not run", responses[4].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("after", responses[4].GetProperty("id").GetString());
        Assert.Equal(0, node.NotificationsReceived); // the call past the budget never ran
    }

    [Fact]
    public async Task Given_a_single_call_whose_response_passes_ResponseBytesMax_when_dispatched_then_it_gets_the_error_with_its_id()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions { ResponseBytesMax = MiB });

        var response = await node.PostJsonAsync($$"""{"jsonrpc":"2.0","method":"test_big","params":[{{2 * MiB}}],"id":7}""");

        Assert.Equal(7, response.GetProperty("id").GetInt32());
        Assert.Equal(RpcErrorCodes.ResponseTooBig, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("chain_getBlock [hash, \"hashes\"]", response.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_every_heavy_slot_taken_when_another_heavy_call_or_a_large_request_comes_then_it_gets_server_busy_and_light_calls_still_run()
    {
        await using var node = await TestRpcNode.StartAsync(new RpcServerOptions
        {
            HeavyRequestsConcurrentMax = 1,
            HeavyRequestWaitMax = TimeSpan.FromMilliseconds(100),
            HeavyRequestBytesMin = 4096,
        });
        var first = node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_heavy","id":1}""");
        await node.HeavyStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_heavy","id":2}""");
        var inBatch = await node.PostJsonAsync("""[{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":3},{"jsonrpc":"2.0","method":"test_heavy","id":4}]""");
        var large = await node.PostJsonAsync($$"""{"jsonrpc":"2.0","method":"test_echo","params":["{{new string('x', 8192)}}"],"id":5}""");
        var light = await node.PostJsonAsync("""{"jsonrpc":"2.0","method":"test_add","params":[20,22],"id":6}""");
        node.HeavyGate.SetResult();
        var done = await first;

        Assert.All([second, inBatch, large], busy =>
        {
            Assert.Equal(RpcErrorCodes.ServerBusy, busy.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Contains("HeavyRequestsConcurrentMax", busy.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(42UL, light.GetProperty("result").GetUInt64());
        Assert.Equal("done", done.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Given_a_block_of_transfers_when_asking_chain_getBlock_for_hashes_then_the_header_and_the_hashes_of_the_full_form_come_back_much_smaller()
    {
        await using var node = await ChainRpcNode.StartAsync();
        using var alice = ChainRpcNode.Dev("Alice");
        using var bob = ChainRpcNode.Dev("Bob");
        for (var i = 0; i < 20; i++)
        {
            Assert.True(node.Core.Submit(node.Sign(alice, new TransferCall(bob.Account, new Rao(1_000)), (ulong)i)).Accepted);
        }

        var hash = node.Core.ProduceBlock().Block.Header.Hash.ToString();

        var full = await node.Rpc.CallAsync<JsonElement>("chain_getBlock", [hash]);
        var light = await node.Rpc.CallAsync<JsonElement>("chain_getBlock", [hash, "hashes"]);
        var named = (await node.PostJsonAsync($$"""{"jsonrpc":"2.0","method":"chain_getBlock","params":{"hash":"{{hash}}","transactions":"hashes"},"id":1}""")).GetProperty("result");
        var typed = await node.Client.GetLightBlockAsync(Hash256.Parse(hash));

        Assert.True(full.GetProperty("transactions")[0].TryGetProperty("hex", out _)); // the default shape is spec/interfaces.md's
        Assert.True(full.TryGetProperty("events", out _));
        Assert.Equal(
            full.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()),
            light.GetProperty("transactions").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(hash, light.GetProperty("header").GetProperty("hash").GetString());
        Assert.False(light.TryGetProperty("events", out _));
        Assert.Equal(light.GetRawText(), named.GetRawText());
        Assert.Equal(20, typed!.Transactions.Count);
        Assert.True(light.GetRawText().Length * 4 < full.GetRawText().Length, $"{light.GetRawText().Length} vs {full.GetRawText().Length}");
    }

    [Fact]
    public async Task Given_an_unknown_transactions_form_when_asking_chain_getBlock_then_the_error_names_the_forms()
    {
        await using var node = await ChainRpcNode.StartAsync();

        var error = await Assert.ThrowsAsync<Agora.Sdk.Client.RpcException>(() => node.Rpc.CallAsync<JsonElement>("chain_getBlock", [null, "decoded"]));

        Assert.Equal(RpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains("\"full\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"hashes\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", true)]
    [InlineData("[null]", true)]
    [InlineData("[null, \"full\"]", true)]
    [InlineData("[null, \"hashes\"]", false)]
    [InlineData("{\"transactions\": \"hashes\"}", false)]
    public async Task Given_chain_getBlock_when_asked_for_hashes_only_then_it_takes_no_heavy_slot_and_the_full_form_does(string parameters, bool heavy)
    {
        await using var node = await ChainRpcNode.StartAsync();

        using var document = JsonDocument.Parse(parameters);

        Assert.Equal(heavy, node.Methods.IsHeavy("chain_getBlock", document.RootElement));
    }
}
