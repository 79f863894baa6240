using System.CommandLine;

namespace Agora.Cli;

/// <summary>The <c>agora</c> command.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("Agora: a market for machine intelligence.");
        root.Subcommands.Add(Commands.Sim.SimCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
