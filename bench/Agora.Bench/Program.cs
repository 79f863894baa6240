using BenchmarkDotNet.Running;

namespace Agora.Bench;

/// <summary>
/// Benchmarks and load generators. <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*Yuma*'</c>
/// runs BenchmarkDotNet benchmarks; load generators are named subcommands (see README, Performance).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
