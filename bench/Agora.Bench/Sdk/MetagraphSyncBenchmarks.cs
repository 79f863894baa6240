using Agora.Bench.Rpc;
using Agora.Sdk.Client;
using Agora.Sdk.Metagraph;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Sdk;

/// <summary>
/// The SDK's metagraph sync (<see cref="SubnetMetagraph.LoadAsync"/>: one <c>agora_getMetagraph</c> call read into
/// typed vectors) of 4,096 neurons, against one <c>system_health</c> round trip over the same
/// <see cref="ChainClient"/> and WebSocket, on the chain of <see cref="MetagraphRpcBenchmarks"/>:
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*MetagraphSync*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetagraphSyncBenchmarks : IDisposable
{
    private MetagraphBenchNode? _node;
    private ChainClient? _chain;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await CleanupAsync();
        _node = await MetagraphBenchNode.StartAsync();
        _chain = new ChainClient(_node.Client);
        var snapshot = await SubnetMetagraph.LoadAsync(_chain, MetagraphBenchNode.LargeNetuid);
        if (snapshot.Count != 4096 || snapshot.ServingAxons().Length != 4096)
        {
            throw new InvalidOperationException("the benchmark subnet does not have 4,096 serving neurons");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            (_node, _chain) = (null, null);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public Task<SystemHealth> System_health() => _chain!.GetHealthAsync();

    [Benchmark]
    public Task<MetagraphSnapshot> Sync_4096() => SubnetMetagraph.LoadAsync(_chain!, MetagraphBenchNode.LargeNetuid);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
#pragma warning disable VSTHRD002 // BenchmarkDotNet has normally run CleanupAsync already; this only covers a failed setup
            CleanupAsync().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }
    }
}
