namespace Agora.Bench;

/// <summary>Benchmarks and load generators: <c>dotnet run -c Release --project bench/Agora.Bench -- &lt;name&gt;</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: Agora.Bench <benchmark>; none registered yet");
        return args.Length == 0 ? 2 : 1;
    }
}
