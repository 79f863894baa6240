using System.Diagnostics;
using System.Globalization;
using Agora.Storage.CrashWriter;
using Agora.Storage.RocksDb;
using Agora.Storage.Tests.Support;
using Xunit.Abstractions;

namespace Agora.Storage.Tests.Crash;

/// <summary>
/// A child process commits blocks to RocksDB in a loop and is killed with SIGKILL at a random moment; after each
/// kill the database must hold every acknowledged block and no partial one, and its flat state, tree and root must
/// agree.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int _seed = 20_240_601;
    private const int _killCount = 4;
    private static readonly TimeSpan _ackTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_writer_killed_with_SIGKILL_leaves_every_batch_fully_applied_or_absent()
    {
        using var directory = new TempDirectory();
        var random = new Random(_seed);
        for (var kill = 0; kill < _killCount; kill++)
        {
            var (before, acknowledged) = RunAndKill(directory.Path, waitForBlocks: random.Next(3, 40), extraDelayMs: random.Next(0, 25));

            using var store = RocksDbStore.Open(directory.Path);
            var height = CrashWorkload.HeightOf(store);
            output.WriteLine($"kill {kill}: resumed at {before}, acknowledged {acknowledged}, found {height}");

            Assert.True(height >= acknowledged, $"block {acknowledged} was acknowledged as committed but the database stops at {height}");
            Assert.True(height <= acknowledged + 1, $"the database holds block {height}, but only {acknowledged} (+1 in flight) were written");
            AssertHoldsExactlyBlocksUpTo(store, height);
        }
    }

    private static void AssertHoldsExactlyBlocksUpTo(RocksDbStore store, long height)
    {
        using var model = new MemoryStore();
        var expected = new ChainState(model);
        for (var block = 1; block <= height; block++)
        {
            model.Write(CrashWorkload.BatchOf(expected, _seed, block));
        }

        var actual = new ChainState(store);
        actual.VerifyOnOpen();
        Assert.Equal(expected.Root, actual.Root);
        Assert.Equal(actual.Root, actual.VerifyFull());
        Assert.Equal(Dump(model, Column.State), Dump(store, Column.State));
        Assert.Equal(Dump(model, Column.StateValues), Dump(store, Column.StateValues));
        Assert.Equal(Dump(model, Column.BlockIndex), Dump(store, Column.BlockIndex));
        Assert.Equal(height, store.Iterate(Column.Blocks, ReadOnlyMemory<byte>.Empty).LongCount());
    }

    private static string[] Dump(IKeyValueStore store, Column column) =>
        [.. store.Iterate(column, ReadOnlyMemory<byte>.Empty).Select(static e => Bytes.Hex(e.Key) + "=" + Bytes.Hex(e.Value))];

    /// <summary>Starts the writer, waits until it acknowledges <paramref name="waitForBlocks"/> more blocks, then a little longer, then SIGKILLs it.</summary>
    private static (long Before, long Acknowledged) RunAndKill(string directory, int waitForBlocks, int extraDelayMs)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Agora.Storage.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(_seed.ToString(CultureInfo.InvariantCulture));

        long before;
        using (var store = RocksDbStore.Open(directory))
        {
            before = CrashWorkload.HeightOf(store);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {writer}");
        var acknowledged = before;
        var deadline = DateTime.UtcNow + _ackTimeout;
        try
        {
            while (acknowledged < before + waitForBlocks)
            {
                var line = process.StandardOutput.ReadLine();
                if (line is null || DateTime.UtcNow > deadline)
                {
                    var error = process.StandardError.ReadToEnd();
                    Assert.Fail($"the crash writer stopped or stalled after block {acknowledged}: {error}");
                }

                if (line != "ready")
                {
                    acknowledged = long.Parse(line, CultureInfo.InvariantCulture);
                }
            }

            Thread.Sleep(extraDelayMs);
        }
        finally
        {
            process.Kill(); // SIGKILL on Unix: no finalizers, no flush, no dispose.
            process.WaitForExit();
        }

        // Acknowledgements printed before the kill landed count too: they were committed.
        while (process.StandardOutput.ReadLine() is { } line)
        {
            acknowledged = long.Parse(line, CultureInfo.InvariantCulture);
        }

        return (before, acknowledged);
    }
}
