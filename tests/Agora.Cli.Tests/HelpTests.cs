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
    [InlineData("wallet", "associate-hotkey")]
    [InlineData("subnets", "list")]
    [InlineData("subnets", "show")]
    [InlineData("subnets", "propose")]
    [InlineData("subnets", "proposals")]
    [InlineData("subnets", "vote")]
    [InlineData("subnets", "cancel")]
    [InlineData("subnets", "hyperparameters")]
    [InlineData("subnets", "set-hyperparameter")]
    [InlineData("subnets", "lock-cost")]
    [InlineData("stake", "add")]
    [InlineData("stake", "remove")]
    [InlineData("stake", "move")]
    [InlineData("stake", "list")]
    [InlineData("delegates", "list")]
    [InlineData("delegates", "set-take")]
    [InlineData("senate", "list")]
    [InlineData("metagraph", "show")]
    [InlineData("weights", "show")]
    [InlineData("subnets", "burn-cost")]
    [InlineData("wallet", "overview")]
    public void Every_command_has_help(params string[] command)
    {
        var result = _cli.Run([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_lists_an_option_twice_in_its_help()
    {
        var commands = CommandPaths(_cli.BuildRoot(), []).ToList();

        Assert.Contains(commands, path => path.SequenceEqual(["sim", "epoch"]));
        foreach (var path in commands)
        {
            var help = _cli.Run([.. path, "--help"]).Stdout;
            var aliases = OptionAliases(help).ToList();
            Assert.True(aliases.Count == aliases.Distinct(StringComparer.Ordinal).Count(), $"'{string.Join(' ', path)} --help' lists an option twice:\n{help}");
        }
    }

    private static IEnumerable<string[]> CommandPaths(System.CommandLine.Command command, string[] path)
    {
        foreach (var subcommand in command.Subcommands)
        {
            string[] subpath = [.. path, subcommand.Name];
            yield return subpath;
            foreach (var deeper in CommandPaths(subcommand, subpath))
            {
                yield return deeper;
            }
        }
    }

    /// <summary>Every alias on the option lines of a help text ("  -y, --no-prompt  Never ask…").</summary>
    private static IEnumerable<string> OptionAliases(string help) =>
        help.Split('\n')
            .SkipWhile(line => !line.StartsWith("Options:", StringComparison.Ordinal))
            .Where(line => line.StartsWith("  -", StringComparison.Ordinal))
            .SelectMany(line => line.Trim().Split("  ")[0].Split(", "))
            .Select(alias => alias.Split(' ')[0]);

    [Fact]
    public void An_unknown_option_is_a_usage_error_on_stderr()
    {
        var result = _cli.Run("wallet", "inspect", "--colour");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--colour", result.Stderr, StringComparison.Ordinal);
    }
}
