using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Weights;

/// <summary><c>agora weights ...</c>: the weights validators set on a subnet.</summary>
internal static class WeightsCommand
{
    public static Command Create(CliHost host)
    {
        var weights = new Command("weights", "Weights: show what validators set on a subnet");
        weights.Subcommands.Add(ShowCommand.Create(host));
        return weights;
    }
}
