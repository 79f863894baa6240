using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Senate;

/// <summary><c>agora senate ...</c>: the top hotkeys by stake, who vote on subnet launches.</summary>
internal static class SenateCommand
{
    public static Command Create(CliHost host)
    {
        var senate = new Command("senate", "The senate: the top hotkeys by total stake, who approve subnet launches");
        senate.Subcommands.Add(ListCommand.Create(host));
        return senate;
    }
}
