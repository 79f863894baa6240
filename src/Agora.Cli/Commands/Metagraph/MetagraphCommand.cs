using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Metagraph;

/// <summary><c>agora metagraph ...</c>: a subnet's neurons and their last epoch.</summary>
internal static class MetagraphCommand
{
    public static Command Create(CliHost host)
    {
        var metagraph = new Command("metagraph", "A subnet's neurons: stake, epoch outputs, permits, activity, axons");
        metagraph.Subcommands.Add(ShowCommand.Create(host));
        return metagraph;
    }
}
