using Agora.Testing.Attacks;
using Xunit.Abstractions;

namespace Agora.EndToEnd.Tests.Attacks;

/// <summary>
/// The attack suite (SECURITY.md): each finding of the node-hardening review reproduced at a bounded size against a real
/// node process on loopback, asserting that blocks keep their interval, <c>system_health</c> answers, memory stays
/// bounded and a funded transfer is included, during the attack and after it. One at a time: they measure timing.
/// </summary>
[Collection(AttackGroup.Name)]
[Trait("Category", "Attack")]
public sealed class AttackTests(ITestOutputHelper output)
{
    private static readonly TimeSpan During = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(4);
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task Pool_flood_by_unfunded_accounts_pools_nothing_and_funded_transfers_still_go_in()
    {
        await using var node = await AttackNode.StartAsync();

        var (report, during, after) = await node.RunAsync(new PoolFloodAttack(), During, After);

        Log(report, during, after);
        Assert.True(report.Count("sent") > 1_000, $"the attack barely ran: {report}");
        Assert.Equal(0, report.Count("accepted"));
        AttackAssert.NodeServed(during, node.Process, 1024 * MiB, "during the pool flood");
        AttackAssert.NodeServed(after, node.Process, 1024 * MiB, "after the pool flood");
    }

    [Fact]
    public async Task Subscriber_that_never_reads_is_cut_off_and_memory_stays_bounded()
    {
        await using var node = await AttackNode.StartAsync();

        var (report, during, after) = await node.RunAsync(new SubscriptionFloodAttack(), During, After);

        Log(report, during, after);
        Assert.True(report.Count("filler_transfers") > 1_000, $"blocks were not filled: {report}");
        Assert.Equal(1, report.Count("cut_off"));
        AttackAssert.NodeServed(during, node.Process, during.ResidentBytesStart + (512 * MiB), "during the subscription flood");
        AttackAssert.NodeServed(after, node.Process, during.ResidentBytesStart + (512 * MiB), "after the subscription flood");
    }

    [Fact]
    public async Task Connection_flood_with_1024_descriptors_leaves_the_node_serving_and_it_recovers()
    {
        await using var node = await AttackNode.StartAsync(descriptorLimit: 1024);

        var (report, during, after) = await node.RunAsync(new ConnectionFloodAttack(), During, After);

        Log(report, during, after);
        Assert.True(report.Count("opened") + report.Count("refused") >= 1_100, $"the attack barely ran: {report}");
        AttackAssert.NodeServed(during, node.Process, 1024 * MiB, "during the connection flood");
        AttackAssert.NodeServed(after, node.Process, 1024 * MiB, "after the connection flood");
        Assert.True(after.HealthLatencyMaxMs < 1_000, $"health was slow after the flood ended: {after.Summary}");
    }

    [Fact]
    public async Task Amplifying_requests_are_budgeted_and_memory_stays_bounded()
    {
        await using var node = await AttackNode.StartAsync();

        var (report, during, after) = await node.RunAsync(new AmplificationAttack(), During, After);

        Log(report, during, after);
        Assert.True(report.Count("requests") > 10, $"the attack barely ran: {report}");
        AttackAssert.NodeServed(during, node.Process, during.ResidentBytesStart + (768 * MiB), "during the amplification attack");
        AttackAssert.NodeServed(after, node.Process, during.ResidentBytesStart + (768 * MiB), "after the amplification attack");
    }

    private void Log(AttackReport report, NodeObservation during, NodeObservation after)
    {
        output.WriteLine(report.ToString());
        output.WriteLine($"during: {during.Summary}");
        output.WriteLine($"after:  {after.Summary}");
    }
}
