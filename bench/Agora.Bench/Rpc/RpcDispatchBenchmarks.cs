using System.Text;
using Agora.Node.Rpc;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Bench.Rpc;

/// <summary>
/// Cost of the JSON-RPC layer alone (parse, validate, metrics, serialize) around a trivial method, without
/// the network: <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*RpcDispatch*'</c>.
/// </summary>
[MemoryDiagnoser]
public class RpcDispatchBenchmarks
{
    private RpcDispatcher _dispatcher = null!;
    private byte[] _single = [];
    private byte[] _batch = [];
    private byte[] _header = [];

    [GlobalSetup]
    public void Setup()
    {
        var methods = new RpcMethods();
        methods.Register("test_add", p => p.GetUInt64(0, "a") + p.GetUInt64(1, "b"));
        methods.Register("chain_getHeader", _ => new
        {
            Number = 123_456UL,
            Hash = "0x" + new string('a', 64),
            ParentHash = "0x" + new string('b', 64),
            StateRoot = "0x" + new string('c', 64),
            ExtrinsicsRoot = "0x" + new string('d', 64),
            Author = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
        });
        var options = new RpcServerOptions();
        _dispatcher = new RpcDispatcher(methods, options, new RpcMetrics(Metrics.NewCustomRegistry()), NullLogger<RpcDispatcher>.Instance);
        _single = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"test_add","params":[1,2],"id":1}""");
        _header = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"chain_getHeader","params":[],"id":1}""");
        var calls = Enumerable.Range(1, 100).Select(i => $$"""{"jsonrpc":"2.0","method":"test_add","params":[{{i}},2],"id":{{i}}}""");
        _batch = Encoding.UTF8.GetBytes($"[{string.Join(',', calls)}]");
    }

    [Benchmark(Baseline = true)]
    public ValueTask<byte[]?> Single_call() => _dispatcher.DispatchAsync(_single, CancellationToken.None);

    [Benchmark]
    public ValueTask<byte[]?> Header_result_object() => _dispatcher.DispatchAsync(_header, CancellationToken.None);

    [Benchmark]
    public ValueTask<byte[]?> Batch_of_100() => _dispatcher.DispatchAsync(_batch, CancellationToken.None);
}
