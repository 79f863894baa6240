using Agora.Cli.Infrastructure;

namespace Agora.Cli;

/// <summary>The <c>agora</c> command.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => CliApp.RunAsync(args, CliEnvironment.FromProcess());
}
