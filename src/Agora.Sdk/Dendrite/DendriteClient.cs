using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Dendrite;

/// <summary>
/// A validator's synapse client: signs each request with the caller's hotkey for the callee axon, sends it over
/// HTTP/2 (cleartext, prior knowledge), and fans one synapse out to many axons in parallel. Each axon's failure is a
/// result, never an exception; only the caller's own cancellation throws.
/// The axon accepts a caller's nonces only in increasing order, and two requests in flight to one axon could
/// arrive swapped; so calls to one axon (hotkey and endpoint) are sent one at a time, each after the previous one's answer.
/// </summary>
public sealed class DendriteClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly KeyPair _hotkey;
    private readonly DendriteOptions _options;
    private readonly TimeProvider _time;
    private readonly NonceClock _nonces;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<(AccountId Hotkey, string Host, int Port), SemaphoreSlim> _inOrder = new();

    /// <summary>
    /// A dendrite signing with <paramref name="hotkey"/> (the caller keeps ownership of the key).
    /// <paramref name="time"/> drives nonces, timeouts and latencies (default: the system clock).
    /// </summary>
    public DendriteClient(KeyPair hotkey, DendriteOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(hotkey);
        _options = options ?? new DendriteOptions();
        _options.Validate();
        _hotkey = hotkey;
        _time = time ?? TimeProvider.System;
        _nonces = new NonceClock(_time);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = _options.ResponseBytesMax,
        };
    }

    /// <summary>Calls one axon.</summary>
    public async Task<DendriteResult<TResponse>> CallAsync<TRequest, TResponse>(
        Synapse<TRequest, TResponse> synapse,
        AxonTarget axon,
        TRequest request,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(axon);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, synapse.Json);
        return await SendAsync(synapse, axon, body, timeout ?? _options.Timeout, cancellationToken);
    }

    /// <summary>
    /// Calls every axon in <paramref name="axons"/> with the same request, in parallel, each with its own
    /// <paramref name="timeout"/>; the results are in the order of <paramref name="axons"/>.
    /// </summary>
    public async Task<IReadOnlyList<DendriteResult<TResponse>>> QueryAsync<TRequest, TResponse>(
        Synapse<TRequest, TResponse> synapse,
        IEnumerable<AxonTarget> axons,
        TRequest request,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(axons);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, synapse.Json);
        var perCall = timeout ?? _options.Timeout;
        using var slots = new SemaphoreSlim(_options.ParallelCallsMax);
        var calls = axons.Select(async axon =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await SendAsync(synapse, axon, body, perCall, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        return await Task.WhenAll(calls);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        foreach (var gate in _inOrder.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<DendriteResult<TResponse>> SendAsync<TRequest, TResponse>(
        Synapse<TRequest, TResponse> synapse,
        AxonTarget axon,
        byte[] body,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var inOrder = _inOrder.GetOrAdd((axon.Hotkey, axon.Host, axon.Port), static _ => new SemaphoreSlim(1));
        try
        {
            await inOrder.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure<TResponse>(axon, DendriteStatus.Timeout, $"no answer within {timeout.TotalMilliseconds:0} ms (waiting behind earlier calls to this axon)", started);
        }

        try
        {
            var headers = SynapseRequestSigner.Sign(_hotkey, axon.Hotkey, _nonces.Next(), synapse.Name, body);
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(axon.BaseUri, SynapseName.PathOf(synapse.Name)))
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
            };
            headers.AddTo(message.Headers);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Interpret(synapse, axon, (int)response.StatusCode, answer, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure<TResponse>(axon, DendriteStatus.Timeout, $"no answer within {timeout.TotalMilliseconds:0} ms", started);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            return Failure<TResponse>(axon, DendriteStatus.BadResponse, $"the answer is over {_options.ResponseBytesMax} bytes", started);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                             || e.InnerException is SocketException)
        {
            return Failure<TResponse>(axon, DendriteStatus.Unreachable, $"cannot connect to {axon.Host}:{axon.Port}: {e.Message}", started);
        }
        catch (HttpRequestException e)
        {
            return Failure<TResponse>(axon, DendriteStatus.Failed, $"the exchange with {axon.Host}:{axon.Port} failed: {e.Message}", started);
        }
        finally
        {
            inOrder.Release();
        }
    }

    private static DendriteResult<TResponse> Interpret<TRequest, TResponse>(
        Synapse<TRequest, TResponse> synapse, AxonTarget axon, int status, byte[] answer, TimeSpan latency)
    {
        if (status is < 200 or > 299)
        {
            var error = TryRead<SynapseError>(answer, SynapseJson.Options);
            return new DendriteResult<TResponse>(
                axon, DendriteStatus.Refused, status, error?.Error, error?.Message ?? $"the axon answered {status} without the protocol's error JSON", latency, default);
        }

        return TryRead<TResponse>(answer, synapse.Json) is { } response
            ? new DendriteResult<TResponse>(axon, DendriteStatus.Success, status, null, null, latency, response)
            : new DendriteResult<TResponse>(axon, DendriteStatus.BadResponse, status, null, $"the answer is not {synapse.Name}'s response JSON", latency, default);
    }

    private static T? TryRead<T>(byte[] json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private DendriteResult<TResponse> Failure<TResponse>(AxonTarget axon, DendriteStatus status, string message, long started) =>
        new(axon, status, null, null, message, _time.GetElapsedTime(started), default);
}
