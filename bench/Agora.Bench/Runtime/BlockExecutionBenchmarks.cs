using Agora.Core.Primitives;
using Agora.Runtime.Execution;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Runtime;

/// <summary>
/// The per-block subnet bookkeeping: one empty block (no transactions) on a chain whose genesis has 32 or 128 staked
/// subnets (<see cref="EconomyChain"/>), against the baseline of the same empty block on the same chain without
/// subnets. Timed: <see cref="BlockBuilder"/> over the committed state (the <c>on_initialize</c> hooks: each subnet's
/// stake EMA, the mint, the split into each subnet's pending emission, one economy record written per subnet; then
/// <c>on_finalize</c>) and <see cref="Agora.Storage.ChainState.Apply"/> of the block's changes into a write batch (the
/// new tree nodes and the state root, as the node computes before sealing), over a memory store. Not timed: sealing and
/// encoding the block, which do not grow with the subnets, and writing the batch, which does (a larger batch). The <c>Execute_only</c> cases leave
/// the state root out, to show how the cost divides. Compare the ratio column within one run.
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*BlockExecution*' --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class BlockExecutionBenchmarks : IDisposable
{
    private EconomyChain? _none;
    private EconomyChain? _subnets32;
    private EconomyChain? _subnets128;

    [GlobalSetup]
    public void Setup()
    {
        _none?.Dispose();
        _none = new EconomyChain(0);
        _subnets32?.Dispose();
        _subnets32 = new EconomyChain(32);
        _subnets128?.Dispose();
        _subnets128 = new EconomyChain(128);
        Console.WriteLine($"// state changes per empty block: no subnets {_none.ChangeCount}, 32 subnets {_subnets32.ChangeCount}, 128 subnets {_subnets128.ChangeCount}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none?.Dispose();
        _subnets32?.Dispose();
        _subnets128?.Dispose();
        (_none, _subnets32, _subnets128) = (null, null, null);
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

    /// <summary>Baseline: an empty block and its state root on a chain with no subnets (root only).</summary>
    [Benchmark(Baseline = true)]
    public Hash256 Empty_block_no_subnets() => _none!.ExecuteAndComputeRoot();

    [Benchmark]
    public Hash256 Empty_block_32_staked_subnets() => _subnets32!.ExecuteAndComputeRoot();

    [Benchmark]
    public Hash256 Empty_block_128_staked_subnets() => _subnets128!.ExecuteAndComputeRoot();

    [Benchmark]
    public BlockExecution Execute_only_no_subnets() => _none!.Execute();

    [Benchmark]
    public BlockExecution Execute_only_128_staked_subnets() => _subnets128!.Execute();
}
