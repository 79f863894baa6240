using Agora.Bench.Attack;
using Agora.Bench.Throughput;
using BenchmarkDotNet.Running;

namespace Agora.Bench;

/// <summary>
/// Benchmarks and load generators. <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*Yuma*'</c>
/// runs BenchmarkDotNet benchmarks; load generators are named subcommands (see bench/README.md):
/// <c>-- throughput [--seconds 60] [--block-time-ms N] [--accounts K] [--subnets 0,32]</c>,
/// <c>-- attack [--seconds 15] [--attacks pool-flood,…]</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ThroughputCommand.Name)
        {
            return await ThroughputCommand.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == AttackCommand.Name)
        {
            return await AttackCommand.RunAsync(args[1..], Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
