using System.Globalization;
using Agora.Storage.RocksDb;

namespace Agora.Storage.CrashWriter;

/// <summary>
/// <c>dotnet Agora.Storage.CrashWriter.dll DIR SEED</c>: resumes after the last committed block in DIR and commits
/// blocks forever, printing each block number once its batch is durably written. The test kills it with SIGKILL.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Agora.Storage.CrashWriter DIR SEED");
            return 2;
        }

        var seed = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var store = RocksDbStore.Open(args[0]);
        var state = new ChainState(store);
        state.VerifyOnOpen();
        var output = Console.Out;
        output.WriteLine("ready");
        output.Flush();
        for (var height = CrashWorkload.HeightOf(store) + 1; ; height++)
        {
            store.Write(CrashWorkload.BatchOf(state, seed, height));
            output.WriteLine(height.ToString(CultureInfo.InvariantCulture));
            output.Flush();
        }
    }
}
