using Agora.Node.Rpc;

namespace Agora.Node.Tests.Rpc;

public sealed class DescriptorBudgetTests
{
    private static readonly string[] Limits =
    [
        "Limit                     Soft Limit           Hard Limit           Units     ",
        "Max processes             63459                63459                processes ",
        "Max open files            1024                 4096                 files     ",
    ];

    [Fact]
    public void Given_proc_limits_when_parsed_then_the_soft_open_files_limit_is_read()
    {
        Assert.Equal(1024, DescriptorBudget.ParseOpenFilesSoftLimit(Limits));
        Assert.Null(DescriptorBudget.ParseOpenFilesSoftLimit(["Max open files            unlimited            unlimited            files"]));
        Assert.Null(DescriptorBudget.ParseOpenFilesSoftLimit(["Max processes 10 10 processes"]));
    }

    [Theory]
    [InlineData(1024L, 768)] // the common limit: connections leave the reserve to the store and the runtime
    [InlineData(100_000L, 8192)] // plenty of descriptors: ConnectionsMax applies
    [InlineData(100L, 1)] // fewer than the reserve: still serve one connection
    public void Given_free_descriptors_when_deriving_the_connection_limit_then_the_reserve_is_kept(long free, int expected)
    {
        var options = new RpcServerOptions { ConnectionsMax = 8192, DescriptorsReservedCount = 256 };

        Assert.Equal(expected, DescriptorBudget.ConnectionsMax(options, free));
    }

    [Fact]
    public void Given_an_unknown_descriptor_limit_when_deriving_then_ConnectionsMax_applies()
    {
        Assert.Equal(8192, DescriptorBudget.ConnectionsMax(new RpcServerOptions(), freeDescriptors: null));
    }

    [Fact]
    public async Task Given_a_started_server_when_read_then_its_connection_limit_leaves_the_reserve_free()
    {
        var options = new RpcServerOptions();
        await using var node = await TestRpcNode.StartAsync(options);

        // Read after start: the server's own descriptors are open now, so this is at most what it saw.
        var freeAfterStart = DescriptorBudget.FreeCount();

        if (freeAfterStart is { } free)
        {
            Assert.InRange(node.Server.ConnectionsMax, 1, Math.Max(1, free + 16 - options.DescriptorsReservedCount));
        }
        else
        {
            Assert.Equal(options.ConnectionsMax, node.Server.ConnectionsMax); // no /proc: the configured limit
        }
    }
}
