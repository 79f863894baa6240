using System.Net;
using System.Text;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Tests.Axon;

/// <summary>
/// A real axon on 127.0.0.1 (free port) serving <see cref="Echo"/>, counting handler runs, with Alice registered
/// (stake 1000) and Bob as the miner; plus a raw HTTP/2 client for requests the dendrite would never send.
/// </summary>
public sealed class AxonHarness : IAsyncDisposable
{
    private int _handlerRuns;

    private AxonHarness(AxonServer axon, AxonCallerDirectory callers, KeyPair caller, KeyPair miner, HttpClient raw)
    {
        Axon = axon;
        Callers = callers;
        Caller = caller;
        Miner = miner;
        Raw = raw;
    }

    public static Rao CallerStake { get; } = new(1000);

    public AxonServer Axon { get; private set; }

    public AxonCallerDirectory Callers { get; }

    public KeyPair Caller { get; }

    public KeyPair Miner { get; }

    public HttpClient Raw { get; }

    public int HandlerRuns => Volatile.Read(ref _handlerRuns);

    public AxonTarget Target => new(7, Miner.Account, "127.0.0.1", Axon.Port);

    public static async Task<AxonHarness> StartAsync(AxonOptions? options = null, TimeProvider? time = null, SynapseHandler<EchoRequest, EchoResponse>? handler = null)
    {
        var callers = new AxonCallerDirectory();
        var caller = KeyPair.FromUri("//Alice");
        callers.Set(caller.Account, CallerStake);
        var miner = KeyPair.FromUri("//Bob");
#pragma warning disable IDISP001, CA2000 // owned by the harness, disposed in DisposeAsync
        var raw = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var axon = new AxonServer(miner.Account, callers, (options ?? new AxonOptions()) with { ListenAddress = "127.0.0.1", Port = 0 }, time);
#pragma warning restore IDISP001, CA2000
        var harness = new AxonHarness(axon, callers, caller, miner, raw);
        axon.Serve(Echo.Synapse, handler is null ? harness.EchoAsync : harness.Counted(handler));
        await axon.StartAsync();
        return harness;
    }

    /// <summary>Replaces the axon with a new one for the same hotkey and directory (a miner restart).</summary>
    public async Task RestartAsync(AxonOptions options, TimeProvider time)
    {
        await Axon.DisposeAsync();
#pragma warning disable IDISP003 // disposed just above
        Axon = new AxonServer(Miner.Account, Callers, options with { ListenAddress = "127.0.0.1", Port = 0 }, time);
#pragma warning restore IDISP003
        Axon.Serve(Echo.Synapse, EchoAsync);
        await Axon.StartAsync();
    }

    /// <summary>A POST to the synapse with exactly these headers (null leaves one out) and body.</summary>
    public HttpRequestMessage Request(SignedSynapseHeaders? headers, byte[] body, string synapse = "echo")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Axon.Url, SynapseName.PathOf(synapse)))
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        headers?.AddTo(message.Headers);
        return message;
    }

    public static byte[] Body(string text) => Encoding.UTF8.GetBytes($$"""{"text":"{{text}}"}""");

    public SignedSynapseHeaders Sign(byte[] body, ulong nonce, KeyPair? signer = null, AccountId? callee = null, string synapse = "echo") =>
        SynapseRequestSigner.Sign(signer ?? Caller, callee ?? Miner.Account, nonce, synapse, body);

    public async Task<(HttpStatusCode Status, SynapseError? Error)> SendAsync(HttpRequestMessage request)
    {
#pragma warning disable IDISP007 // the harness takes ownership of the request it sends
        using (request)
#pragma warning restore IDISP007
        {
            using var response = await Raw.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var error = response.IsSuccessStatusCode ? null : System.Text.Json.JsonSerializer.Deserialize<SynapseError>(text, SynapseJson.Options);
            return (response.StatusCode, error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Axon.DisposeAsync();
        Raw.Dispose();
        Caller.Dispose();
        Miner.Dispose();
    }

    private ValueTask<EchoResponse> EchoAsync(EchoRequest request, SynapseContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _handlerRuns);
        return ValueTask.FromResult(new EchoResponse(request.Text, context.Caller, context.CallerStake));
    }

    private SynapseHandler<EchoRequest, EchoResponse> Counted(SynapseHandler<EchoRequest, EchoResponse> handler) => (request, context, cancellationToken) =>
    {
        Interlocked.Increment(ref _handlerRuns);
        return handler(request, context, cancellationToken);
    };
}
