using System.Net;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Axon;
using Agora.Sdk.Dendrite;
using Agora.Sdk.Synapses;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Agora.Bench.Sdk;

#pragma warning disable IDISP003, IDISP026 // BenchmarkDotNet needs an unsealed class; setup runs once per process, cleanup disposes

/// <summary>
/// One signed synapse round trip, dendrite → axon on loopback (sign, h2c POST, header checks, Ed25519 verify, body
/// hash, nonce, rate, admission, JSON both ways), against the same payload POSTed over h2c to a bare Kestrel
/// endpoint that echoes it: <c>dotnet run -c Release --project bench/Agora.Bench -- --filter '*SynapseBenchmarks*' --inProcess</c>.
/// Round trips per second are the inverse of the mean; the ratio bare/signed is the target (≥ 0.5).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SynapseBenchmarks : IAsyncDisposable
{
    private static readonly Synapse<SeriesWindow, SeriesWindow> Window = new("window");

    private readonly SeriesWindow _payload = new([.. Enumerable.Range(0, 64).Select(i => 100 + (i * 0.25))]);
    private KeyPair? _validator;
    private KeyPair? _miner;
    private AxonServer? _axon;
    private DendriteClient? _dendrite;
    private AxonTarget? _target;
    private WebApplication? _bare;
    private HttpClient? _bareClient;
    private Uri? _bareUrl;
    private byte[] _payloadBytes = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _validator = KeyPair.FromUri("//Alice");
        _miner = KeyPair.FromUri("//Bob");
        var callers = new AxonCallerDirectory();
        callers.Set(_validator.Account, new Rao(1));
        _axon = new AxonServer(_miner.Account, callers, new AxonOptions
        {
            ListenAddress = "127.0.0.1",
            Port = 0,
            CallerRequestsPerSecondMax = int.MaxValue,
            CallerBurstMax = int.MaxValue,
        });
        _axon.Serve(Window, (request, _, _) => ValueTask.FromResult(request));
        await _axon.StartAsync();
        _dendrite = new DendriteClient(_validator);
        _target = new AxonTarget(0, _miner.Account, "127.0.0.1", _axon.Port);

        _payloadBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(_payload, Window.Json);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listener => listener.Protocols = HttpProtocols.Http2));
        _bare = builder.Build();
        _bare.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body.ToArray(), context.RequestAborted);
        });
        await _bare.StartAsync();
        _bareUrl = new Uri(new Uri(_bare.Urls.First()), "/synapse/window");
        _bareClient = new HttpClient();
        if (!(await _dendrite.CallAsync(Window, _target, _payload)).IsSuccess)
        {
            throw new InvalidOperationException("the signed round trip failed in setup");
        }
    }

    [Benchmark(Baseline = true, Description = "bare Kestrel h2c echo")]
    public async Task<int> BareKestrelAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bareUrl)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(_payloadBytes),
        };
        using var response = await _bareClient!.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return System.Text.Json.JsonSerializer.Deserialize<SeriesWindow>(bytes, Window.Json)!.Values.Length;
    }

    [Benchmark(Description = "signed synapse dendrite → axon")]
    public async Task<int> SignedSynapseAsync()
    {
        var result = await _dendrite!.CallAsync(Window, _target!, _payload);
        return result.Response!.Values.Length;
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        _dendrite?.Dispose();
        _bareClient?.Dispose();
        if (_axon is not null)
        {
            await _axon.DisposeAsync();
        }

        if (_bare is not null)
        {
            await _bare.DisposeAsync();
        }

        _validator?.Dispose();
        _miner?.Dispose();
    }

    /// <summary>A forecasting-sized payload: 64 recent values of a series.</summary>
    public sealed record SeriesWindow(double[] Values);
}
