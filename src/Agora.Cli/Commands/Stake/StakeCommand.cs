using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Stake;

/// <summary><c>agora stake ...</c>: stake TAO to hotkeys on subnets, which steers emission between subnets.</summary>
internal static class StakeCommand
{
    public static Command Create(CliHost host)
    {
        var stake = new Command("stake", "Stake TAO to hotkeys on subnets (stake steers each subnet's share of emission)");
        stake.Subcommands.Add(AddCommand.Create(host));
        stake.Subcommands.Add(RemoveCommand.Create(host));
        stake.Subcommands.Add(MoveCommand.Create(host));
        stake.Subcommands.Add(ListCommand.Create(host));
        return stake;
    }
}
