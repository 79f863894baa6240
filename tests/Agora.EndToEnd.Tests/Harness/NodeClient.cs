using System.Diagnostics;
using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>The SDK's JSON-RPC client for one node, with the waits the tests need, each bounded.</summary>
internal sealed class NodeClient : IDisposable
{
    /// <summary>How long one call may take.</summary>
    public static readonly TimeSpan CallTimeMax = TimeSpan.FromSeconds(15);

    /// <summary>How long a wait for blocks may take.</summary>
    public static readonly TimeSpan BlockWaitTimeMax = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public NodeClient(Uri rpcUrl)
    {
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Rpc = new RpcClient(Http, rpcUrl, new RpcClientOptions { CallTimeout = CallTimeMax });
        Chain = new ChainClient(Rpc);
    }

    /// <summary>The HTTP client (also for the metrics endpoint).</summary>
    public HttpClient Http { get; }

    /// <summary>Raw JSON-RPC calls and batches.</summary>
    public RpcClient Rpc { get; }

    /// <summary>Typed chain calls.</summary>
    public ChainClient Chain { get; }

    /// <summary>The best block's header.</summary>
    public async Task<BlockHeader> BestAsync() =>
        await Chain.GetHeaderAsync() ?? throw new InvalidOperationException($"{Rpc.Endpoint} has no best block");

    /// <summary>The genesis hash.</summary>
    public async Task<Hash256> GenesisAsync() =>
        await Chain.GetBlockHashAsync(0) ?? throw new InvalidOperationException($"{Rpc.Endpoint} has no block 0");

    /// <summary>The canonical header at <paramref name="number"/>.</summary>
    public async Task<BlockHeader> HeaderAtAsync(ulong number)
    {
        var hash = await Chain.GetBlockHashAsync(number) ?? throw new InvalidOperationException($"{Rpc.Endpoint} has no block {number}");
        return await Chain.GetHeaderAsync(hash) ?? throw new InvalidOperationException($"{Rpc.Endpoint} has no header for block {number} ({hash})");
    }

    /// <summary>Waits until the best block is at least <paramref name="number"/>; throws after <see cref="BlockWaitTimeMax"/>.</summary>
    public async Task<BlockHeader> WaitForBlockAsync(ulong number)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var best = await BestAsync();
            if (best.Number >= number)
            {
                return best;
            }

            if (Stopwatch.GetElapsedTime(started) > BlockWaitTimeMax)
            {
                throw new TimeoutException($"{Rpc.Endpoint} is at block {best.Number}, still below {number} after {BlockWaitTimeMax.TotalSeconds} s");
            }

            await Task.Delay(PollInterval);
        }
    }

    public void Dispose() => Http.Dispose();
}
