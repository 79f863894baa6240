using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Delegates;

/// <summary><c>agora delegates ...</c>: every owned hotkey is a delegate that keeps a take of its nominators' dividends.</summary>
internal static class DelegatesCommand
{
    public static Command Create(CliHost host)
    {
        var delegates = new Command("delegates", "Delegates (every owned hotkey): list them, set a hotkey's take");
        delegates.Subcommands.Add(ListCommand.Create(host));
        delegates.Subcommands.Add(SetTakeCommand.Create(host));
        return delegates;
    }
}
