using Agora.Cli.Commands.Node;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Tests.Node;

public sealed class RpcAccessListsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Given_a_comma_list_of_origins_when_parsed_then_each_is_kept_and_all_means_any()
    {
        Assert.Equal(["http://localhost:8080", "https://app.example"], RpcAccessLists.Origins(" http://localhost:8080 ,https://app.example"));
        Assert.Equal(["*"], RpcAccessLists.Origins("all"));
        Assert.Empty(RpcAccessLists.Origins(null));
    }

    [Theory]
    [InlineData("localhost:8080")]
    [InlineData("ftp://files.example")]
    [InlineData("http://app.example/path")]
    [InlineData("http://app.example/")]
    public void Given_something_that_is_not_an_origin_when_parsed_then_the_error_shows_the_form(string origin)
    {
        var error = Assert.Throws<CliException>(() => RpcAccessLists.Origins(origin));

        Assert.Contains("write scheme://host[:port]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_host_names_when_parsed_then_names_are_kept_and_a_url_is_refused()
    {
        Assert.Equal(["node.example", "rpc.local"], RpcAccessLists.Hosts("node.example,rpc.local"));
        Assert.Equal(["*"], RpcAccessLists.Hosts("ALL"));
        Assert.Contains("--rpc-host", Assert.Throws<CliException>(() => RpcAccessLists.Hosts("http://node.example")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_bad_rpc_cors_when_the_node_command_runs_then_it_fails_before_starting_naming_the_flag()
    {
        var result = _cli.Run("node", "--dev", "--rpc-port", "0", "--metrics-port", "0", "--rpc-cors", "localhost:8080");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--rpc-cors: 'localhost:8080' is not an origin", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_node_help_when_shown_then_it_lists_the_browser_access_flags()
    {
        var result = _cli.Run("node", "--help");

        Assert.Contains("--rpc-cors", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--rpc-host", result.Stdout, StringComparison.Ordinal);
    }
}
