using System.Text.Json;
using Agora.Node.Core;
using Agora.Node.Host.Neurons;
using Agora.Sdk.Client;
using BenchmarkDotNet.Attributes;

namespace Agora.Bench.Rpc;

/// <summary>
/// <c>agora_getMetagraph</c> for a subnet of 256 and one of 4,096 genesis neurons, each with epoch outputs and an axon,
/// against <c>system_health</c> over the same WebSocket to a real RPC server (dev chain, memory store):
/// <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*MetagraphRpc*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class MetagraphRpcBenchmarks : IDisposable
{
    private const ushort SmallNetuid = MetagraphBenchNode.SmallNetuid;
    private const ushort LargeNetuid = MetagraphBenchNode.LargeNetuid;

    private MetagraphBenchNode? _node;
    private ChainStore? _chain;
    private RpcWebSocketClient? _client;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await CleanupAsync();
        _node = await MetagraphBenchNode.StartAsync();
        (_chain, _client) = (_node.Chain, _node.Client);
        var large = await _client.CallAsync<JsonElement>("agora_getMetagraph", [LargeNetuid]);
        if (large.GetProperty("neurons").GetArrayLength() != 4096)
        {
            throw new InvalidOperationException("the benchmark subnet does not have 4,096 neurons");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            (_node, _chain, _client) = (null, null, null);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public Task<JsonElement> System_health() => _client!.CallAsync<JsonElement>("system_health");

    [Benchmark]
    public Task<JsonElement> Metagraph_256() => _client!.CallAsync<JsonElement>("agora_getMetagraph", [SmallNetuid]);

    [Benchmark]
    public Task<JsonElement> Metagraph_4096() => _client!.CallAsync<JsonElement>("agora_getMetagraph", [LargeNetuid]);

    /// <summary>The server's share of <see cref="Metagraph_4096"/>: the point lookups alone, no JSON and no network.</summary>
    [Benchmark]
    public int Read_4096() => NeuronReads.Metagraph(_chain!.State, LargeNetuid, 0).Neurons.Length;

    /// <summary>The server's share of <see cref="Metagraph_4096"/>: lookups and rendering into the result bytes.</summary>
    [Benchmark]
    public int Read_and_render_4096()
    {
        var metagraph = NeuronReads.Metagraph(_chain!.State, LargeNetuid, 0);
        return Utf8JsonResult.Write(writer => NeuronJson.WriteMetagraph(writer, metagraph), 2_500_000).Utf8.Length;
    }

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
