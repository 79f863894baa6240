using System.CommandLine;
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Agora.Yuma.Tests")]

namespace Agora.Cli.Commands.Sim;

/// <summary><c>agora sim</c>: offline simulations of chain logic (Yuma Consensus epochs).</summary>
internal static class SimCommand
{
    /// <summary>Builds the <c>sim</c> command group; <paramref name="stdin"/> replaces the console input (tests).</summary>
    public static Command Create(TextReader? stdin = null)
    {
        var command = new Command("sim", "Run chain logic offline, e.g. Yuma Consensus epochs on a JSON input.");
        command.Subcommands.Add(SimEpochCommand.Create(stdin));
        command.Subcommands.Add(SimEpochsCommand.Create(stdin));
        return command;
    }
}
