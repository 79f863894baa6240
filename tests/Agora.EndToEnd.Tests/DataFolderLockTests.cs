using Agora.EndToEnd.Tests.Harness;

namespace Agora.EndToEnd.Tests;

/// <summary>
/// A node that cannot start on its data folder (another node holds it, or it holds no chain) stops at once with one line,
/// not a stack trace.
/// </summary>
public sealed class DataFolderLockTests
{
    [Fact]
    public async Task A_second_node_on_the_same_base_path_says_the_folder_is_in_use_in_one_line_and_exits_non_zero()
    {
        // Given a running node on a data folder
        using var directory = new TempDirectory();
        var basePath = directory.Combine("node");
        await using var first = await NodeProcess.StartAsync(basePath);

        // When a second node is started on the same folder
        var second = await CliRunner.RunAsync(directory.Combine("home"),
            "node", "--dev", "--base-path", basePath, "--rpc-port", "0", "--metrics-port", "0");

        // Then it exits non-zero with one line on stderr naming the folder and the other node, and no trace
        Assert.NotEqual(0, second.ExitCode);
        var line = Assert.Single(second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: another node is using ", line, StringComparison.Ordinal);
        Assert.Contains(basePath, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", second.ToString(), StringComparison.Ordinal);

        // And the first node still serves
        using var client = new NodeClient(first.RpcUrl);
        await client.Chain.GetHealthAsync();
    }

    [Fact]
    public async Task A_node_without_dev_on_an_empty_folder_says_how_to_create_a_chain_in_one_line()
    {
        // Given an empty data folder
        using var directory = new TempDirectory();
        var basePath = directory.Combine("empty");

        // When a node is started on it without --dev or --chain
        var node = await CliRunner.RunAsync(directory.Combine("home"), "node", "--base-path", basePath, "--rpc-port", "0", "--metrics-port", "0");

        // Then it exits non-zero with one line saying to pass --dev, and no trace
        Assert.NotEqual(0, node.ExitCode);
        var line = Assert.Single(node.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("--dev", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", node.ToString(), StringComparison.Ordinal);
    }
}
