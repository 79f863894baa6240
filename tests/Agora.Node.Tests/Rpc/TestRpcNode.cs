using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Agora.Core.Primitives;
using Agora.Node.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Agora.Node.Tests.Rpc;

/// <summary>A real Kestrel RPC server on a free loopback port with a few test methods.</summary>
public sealed class TestRpcNode : IAsyncDisposable
{
    public static readonly Hash256 SomeHash = Hash256.Of("block 7"u8);
    public static readonly AccountId Alice = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private int _notifications;

    private TestRpcNode(RpcServerOptions options, TimeProvider? time, ILoggerFactory? loggerFactory)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Metrics = new RpcMetrics(Registry);
        Methods = new RpcMethods();
        Hub = new SubscriptionHub(Methods, options, Metrics);
        Hub.RegisterTopic("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead");
        RegisterTestMethods();
        Server = new RpcServer(options, Methods, Hub, Metrics, loggerFactory ?? NullLoggerFactory.Instance, time);
        Http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1/") };
    }

    public CollectorRegistry Registry { get; }

    public RpcMetrics Metrics { get; }

    public RpcMethods Methods { get; }

    public SubscriptionHub Hub { get; }

    public RpcServer Server { get; }

    public HttpClient Http { get; private set; }

    public int NotificationsReceived => Volatile.Read(ref _notifications);

    /// <summary>Completed by a test to let <c>test_heavy</c> calls finish.</summary>
    public TaskCompletionSource HeavyGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a <c>test_heavy</c> call has started.</summary>
    public TaskCompletionSource HeavyStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestRpcNode> StartAsync(RpcServerOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        var node = new TestRpcNode((options ?? new RpcServerOptions()) with { Port = 0 }, time, loggerFactory);
        await node.Server.StartAsync(CancellationToken.None);
        node.Http.Dispose();
        node.Http = new HttpClient { BaseAddress = node.Server.HttpUrl };
        return node;
    }

    /// <summary>POSTs raw JSON and returns the status and body.</summary>
    public async Task<(int Status, string Body)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(Server.HttpUrl, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs raw JSON and parses the response.</summary>
    public async Task<JsonElement> PostJsonAsync(string json)
    {
        var (_, body) = await PostAsync(json);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<ClientWebSocket> ConnectRawAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(Server.WebSocketUrl, CancellationToken.None);
        return socket;
    }

    public async Task WaitForSubscribersAsync(string topic, int count)
    {
        for (var i = 0; i < 500 && Hub.SubscriberCount(topic) != count; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, Hub.SubscriberCount(topic));
    }

    /// <summary>The current value of a metric line (e.g. <c>agora_rpc_limit_hits_total{limit="HostsAllowed"}</c>), or 0 when absent.</summary>
    public async Task<double> MetricAsync(string series)
    {
        using var text = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(text);
        var line = Encoding.UTF8.GetString(text.ToArray()).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Http.Dispose();
    }

    private void RegisterTestMethods()
    {
        Methods.Register("test_echo", p => p.Raw.ValueKind == JsonValueKind.Undefined ? null : p.Raw.Clone());
        Methods.Register("test_add", p => p.GetUInt64(0, "a") + p.GetUInt64(1, "b"));
        Methods.Register("test_hash", p => p.Get<Hash256>(0, "hash"));
        Methods.Register("test_notify", _ => Interlocked.Increment(ref _notifications));
        Methods.Register("test_reject", _ => throw new RpcException(
            RpcErrorCodes.TransactionRejected,
            "transaction rejected: stale nonce (expected 5, got 3)",
            new { Expected = 5, Got = 3 }));
        Methods.Register("test_crash", _ => throw new InvalidOperationException("secret internal detail"));
        Methods.Register("test_slow", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return null;
        });
        Methods.Register("test_big", p => new string('x', (int)p.GetUInt64(0, "chars")));
        Methods.Register("test_heavy", async (_, ct) =>
        {
            HeavyStarted.TrySetResult();
            await HeavyGate.Task.WaitAsync(ct);
            return "done";
        });
        Methods.MarkHeavy("test_heavy");
        Methods.Register("test_shapes", _ => new { BestBlock = ulong.MaxValue, ParentHash = SomeHash, Author = Alice, Free = new Rao(42), Bytes = new byte[] { 1, 2 } });

        Methods.Register("system_health", _ => new { Peers = 3, IsSyncing = false, BestBlock = 7UL });
        Methods.Register("chain_getHeader", p => p.GetOptional<Hash256?>(0, "hash") is { } h && h != SomeHash ? null : Header(7));
        Methods.Register("chain_getBlockHash", p => p.GetUInt64(0, "number") <= 7 ? SomeHash : null);
        Methods.Register("chain_getFinalizedHead", _ => SomeHash);
        Methods.Register("author_submitTransaction", p => Hash256.Of(p.Get<byte[]>(0, "transaction")));
        Methods.Register("state_getAccount", p => p.Get<AccountId>(0, "account") == Alice
            ? new { Free = new Rao(1_000_000_000_000), Staked = new Rao(5), Reserved = Rao.Zero, Nonce = 4UL }
            : new { Free = Rao.Zero, Staked = Rao.Zero, Reserved = Rao.Zero, Nonce = 0UL });
        Methods.Register("payment_queryFee", p => new { Fee = new Rao((ulong)p.Get<byte[]>(0, "transaction").Length * 1000) });
    }

    public static object Header(ulong number) => new
    {
        Number = number,
        Hash = SomeHash,
        ParentHash = Hash256.Zero,
        StateRoot = Hash256.Of("state"u8),
        ExtrinsicsRoot = Hash256.Of("txs"u8),
        Author = Alice,
    };
}
