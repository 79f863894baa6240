using System.CommandLine;
using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Weights;

/// <summary><c>agora weights ...</c>: a validator's weights, set directly or committed and revealed, and what validators set.</summary>
internal static class WeightsCommand
{
    public static Command Create(CliHost host)
    {
        var weights = new Command("weights", "Weights: set them, or commit a hash and reveal later (commit-reveal, on by default); show what validators set");
        weights.Subcommands.Add(SetCommand.Create(host));
        weights.Subcommands.Add(CommitCommand.Create(host));
        weights.Subcommands.Add(RevealCommand.Create(host));
        weights.Subcommands.Add(ShowCommand.Create(host));
        return weights;
    }
}
