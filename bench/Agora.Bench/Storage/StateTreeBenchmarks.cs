using Agora.Storage;
using Agora.Storage.RocksDb;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Agora.Bench.Storage;

/// <summary>
/// Commits a block of 1,000 state changes to a state of 100,000 entries, with the Merkle tree
/// (<see cref="ChainState.Apply"/>: flat state + tree nodes + root in one batch) against the baseline of writing
/// only the flat key-values in one batch, on the memory store and on RocksDB (synced writes).
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*StateTree*'</c>
/// </summary>
[Config(typeof(Config))]
public class StateTreeBenchmarks : IDisposable
{
    private const int _stateEntryCount = 100_000;
    private const int _changesPerBlockCount = 1_000;
    private const int _blockCount = 256;

    private StateChange[][] _blocks = [];
    private IKeyValueStore? _store;
    private ChainState? _state;
    private string? _directory;
    private int _next;

    /// <summary>Which store: the memory twin or RocksDB in a temp directory.</summary>
    [Params("Memory", "RocksDb")]
    public string Store { get; set; } = "Memory";

    [GlobalSetup]
    public void Setup()
    {
        Cleanup();
        _directory = Store == "RocksDb" ? Path.Combine(Path.GetTempPath(), "agora-bench-" + Environment.ProcessId) : null;
        _store?.Dispose();
        _store = _directory is null ? new MemoryStore() : RocksDbStore.Open(_directory);

        _state = new ChainState(_store);
        for (var start = 0; start < _stateEntryCount; start += 10_000)
        {
            var batch = new WriteBatch();
            _state.Apply([.. Enumerable.Range(start, 10_000).Select(static i => StateChange.Put(KeyOf(i), ValueOf(i, 0)))], batch);
            _store.Write(batch);
        }

        // Each block: 80% updates of existing keys, 10% inserts, 10% deletes, like a busy chain's block.
        var random = new Random(42);
        _blocks = new StateChange[_blockCount][];
        for (var b = 0; b < _blockCount; b++)
        {
            _blocks[b] = new StateChange[_changesPerBlockCount];
            for (var i = 0; i < _changesPerBlockCount; i++)
            {
                var kind = random.Next(10);
                var key = kind == 0 ? KeyOf(_stateEntryCount + random.Next(_stateEntryCount)) : KeyOf(random.Next(_stateEntryCount));
                _blocks[b][i] = kind == 1 ? StateChange.Delete(key) : StateChange.Put(key, ValueOf(i, b + 1));
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _store = null;
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Cleanup();
        }
    }

    /// <summary>Baseline: the block's key-values written flat, in one batch, no tree.</summary>
    [Benchmark(Baseline = true)]
    public void Flat_state_only()
    {
        var batch = new WriteBatch();
        foreach (var change in NextBlock())
        {
            if (change.Value is null)
            {
                batch.Delete(Column.State, change.Key);
            }
            else
            {
                batch.Put(Column.State, change.Key, change.Value);
            }
        }

        _store!.Write(batch);
    }

    /// <summary>What a block commit costs: flat state, tree nodes and root in one batch.</summary>
    [Benchmark]
    public void Flat_state_and_Merkle_tree()
    {
        var batch = new WriteBatch();
        _state!.Apply(NextBlock(), batch);
        _store!.Write(batch);
    }

    private static byte[] KeyOf(int i) => [.. "balance/"u8, .. BitConverter.GetBytes(i)];

    private static byte[] ValueOf(int i, int block) => [.. BitConverter.GetBytes((long)i * 1_000_000_000), .. BitConverter.GetBytes(block)];

    private StateChange[] NextBlock() => _blocks[_next++ % _blocks.Length];

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(10));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
