namespace Agora.Cli.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("wallet")]
    [InlineData("wallet", "create")]
    [InlineData("wallet", "new-hotkey")]
    [InlineData("wallet", "regen")]
    [InlineData("wallet", "list")]
    [InlineData("wallet", "inspect")]
    [InlineData("wallet", "sign")]
    [InlineData("wallet", "verify")]
    [InlineData("config", "set")]
    [InlineData("config", "get")]
    public void Every_command_has_help(params string[] command)
    {
        var result = _cli.Run([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_on_stderr()
    {
        var result = _cli.Run("wallet", "inspect", "--colour");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--colour", result.Stderr, StringComparison.Ordinal);
    }
}
