using Agora.Node.Rpc;
using Agora.Sdk.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Agora.Node.Tests.Rpc;

public sealed class MetricsServerTests
{
    [Fact]
    public async Task Given_rpc_calls_and_a_node_gauge_when_metrics_are_scraped_then_prometheus_text_has_the_counters_and_the_gauge()
    {
        await using var node = await TestRpcNode.StartAsync();
        var bestBlock = node.Metrics.Factory.CreateGauge("agora_best_block", "Number of the best block.");
        bestBlock.Set(42);
        await using var metrics = new MetricsServer(new MetricsServerOptions { Port = 0 }, node.Metrics.Registry, NullLoggerFactory.Instance);
        await metrics.StartAsync(CancellationToken.None);
        var client = new RpcClient(node.Http, node.Server.HttpUrl);
        await client.CallAsync<ulong>("test_add", [1, 2]);
        await client.CallAsync<ulong>("test_add", [1, 2]);
        await Assert.ThrowsAsync<Agora.Sdk.Client.RpcException>(() => client.CallAsync<ulong>("no_such_method"));

        using var response = await node.Http.GetAsync(metrics.Url);
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("# TYPE agora_rpc_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("agora_rpc_requests_total{method=\"test_add\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("agora_rpc_errors_total{method=\"unknown\",code=\"-32601\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("agora_best_block 42", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_metrics_listening_on_all_interfaces_when_started_then_its_url_names_the_loopback_clients_can_use()
    {
        await using var node = await TestRpcNode.StartAsync();
        await using var metrics = new MetricsServer(new MetricsServerOptions { ListenAddress = "0.0.0.0", Port = 0 }, node.Metrics.Registry, NullLoggerFactory.Instance);
        await metrics.StartAsync(CancellationToken.None);

        using var response = await node.Http.GetAsync(metrics.Url);

        Assert.Equal("127.0.0.1", metrics.Url.Host);
        Assert.True(response.IsSuccessStatusCode);
    }
}
