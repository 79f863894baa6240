using Agora.Protocol.Epochs;
using Agora.Runtime.Execution;
using Agora.Runtime.Modules.Epochs;
using Agora.Runtime.State;
using Agora.Storage;
using Agora.Yuma;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Runtime;

/// <summary>
/// The block that runs the epoch of a 256-uid subnet with 64 validators weighting every miner
/// (<see cref="EpochSubnetChain"/>), against <see cref="YumaEpoch.Run"/> alone on the same matrices, in the same run
/// (target ≤ 2×). Timed: <see cref="BlockBuilder"/> over the committed memory-store state (its fresh overlay) through
/// <c>Finish</c>: the emission hooks, reading the epoch's input, the engine, storing 256 outputs and the bonds, the
/// owner cut and the stake credits of every position. Also: reading the input alone, and an empty block without an epoch.
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*EpochBlock*' --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class EpochBlockBenchmarks : IDisposable
{
    private EpochSubnetChain? _chain;
    private IReadOnlyList<StateChange> _changes = [];

    [GlobalSetup]
    public void Setup()
    {
        _chain?.Dispose();
        _chain = new EpochSubnetChain();
        var execution = _chain.Execute(_chain.EpochBlock);
        _changes = execution.Changes;
        Console.WriteLine($"// epoch block {_chain.EpochBlock.Number}: {execution.Changes.Count} state changes, {_chain.Input.Weights.NonZeroCount} weights, {_chain.Input.Bonds.NonZeroCount} bonds");
        if (!execution.Events.Any(e => e.Event is EpochRun))
        {
            throw new InvalidOperationException("the timed block runs no epoch");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chain?.Dispose();
        _chain = null;
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

    /// <summary>Baseline: the engine alone on the input the epoch block reads.</summary>
    [Benchmark(Baseline = true)]
    public EpochOutput Yuma_epoch_alone() => YumaEpoch.Run(_chain!.Input);

    /// <summary>The whole epoch block.</summary>
    [Benchmark]
    public BlockExecution Epoch_block() => _chain!.Execute(_chain.EpochBlock);

    /// <summary>Reading the epoch's input from state (part of the epoch block).</summary>
    [Benchmark]
    public EpochInput Read_epoch_input() => EpochInputs.Read(_chain!.State, EpochSubnetChain.Netuid, _chain.EpochBlock.Number, _chain.Hyperparameters);

    /// <summary>
    /// A floor, not a part: writing the epoch block's own state changes (the same keys and values) into a fresh overlay
    /// and listing them in key order, with nothing computed. The block cannot cost less than this plus the engine.
    /// </summary>
    [Benchmark]
    public int Writing_the_changes_alone()
    {
        var state = new StateOverlay(_chain!.State);
        foreach (var change in _changes)
        {
            if (change.Value is null)
            {
                state.Delete(change.Key);
            }
            else
            {
                state.Set(change.Key, change.Value);
            }
        }

        return state.Changes.Count;
    }

    /// <summary>A floor, not a part: reading, from the committed state, the value of every key the epoch block changes.</summary>
    [Benchmark]
    public int Reading_the_changed_keys_alone()
    {
        var found = 0;
        foreach (var change in _changes)
        {
            found += _chain!.State.Get(change.Key) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>An empty block in which no epoch runs (the hooks' fixed cost).</summary>
    [Benchmark]
    public BlockExecution Block_without_epoch() => _chain!.Execute(_chain.OtherBlock);
}
