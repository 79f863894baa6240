using Agora.Node.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Agora.Node.Tests.Rpc;

public sealed class LimitHitLogTests
{
    [Fact]
    public async Task Given_a_limit_hit_repeatedly_when_logging_then_one_line_per_interval_says_how_many_were_not_logged_and_the_counter_counts_all()
    {
        var time = new FakeTimeProvider();
        using var logs = new CapturingLoggerProvider();
        var metrics = new RpcMetrics(Prometheus.Metrics.NewCustomRegistry());
        var log = new LimitHitLog(logs, metrics, time, TimeSpan.FromSeconds(10));

        log.Hit("ConnectionsPerIpMax", "first");
        log.Hit("ConnectionsPerIpMax", "second");
        log.Hit("ConnectionsPerIpMax", "third");
        log.Hit("WebSocketIdleTimeout", "another limit");
        time.Advance(TimeSpan.FromSeconds(10));
        log.Hit("ConnectionsPerIpMax", "fourth");

        var lines = logs.Lines.Select(l => l.Message).ToList();
        Assert.Equal(
            [
                "RPC limit ConnectionsPerIpMax hit: first (0 earlier hits of this limit not logged)",
                "RPC limit WebSocketIdleTimeout hit: another limit (0 earlier hits of this limit not logged)",
                "RPC limit ConnectionsPerIpMax hit: fourth (2 earlier hits of this limit not logged)",
            ],
            lines);
        Assert.All(logs.Lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        using var text = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(text);
        Assert.Contains("agora_rpc_limit_hits_total{limit=\"ConnectionsPerIpMax\"} 4", System.Text.Encoding.UTF8.GetString(text.ToArray()), StringComparison.Ordinal);
    }
}
