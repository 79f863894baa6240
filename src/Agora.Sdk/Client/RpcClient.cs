using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Agora.Core.Json;

namespace Agora.Sdk.Client;

/// <summary>
/// JSON-RPC 2.0 over HTTP to an Agora node. The <see cref="HttpClient"/> is injected (one per process;
/// its own Timeout should be infinite or longer than <see cref="RpcClientOptions.CallTimeout"/>).
/// </summary>
public sealed class RpcClient : IRpcCaller
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly RpcClientOptions _options;
    private readonly RpcRetryPolicy _retry;
    private long _lastId;

    /// <summary>A client for the node at <paramref name="endpoint"/> (e.g. <c>http://127.0.0.1:9944/</c>).</summary>
    public RpcClient(HttpClient httpClient, Uri endpoint, RpcClientOptions? options = null)
    {
        _http = httpClient;
        Endpoint = endpoint;
        _options = options ?? new RpcClientOptions();
        _retry = new RpcRetryPolicy(_options);
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Each attempt waits at most <see cref="RpcClientOptions.CallTimeout"/>; reads and submissions are retried after
    /// transient failures (<see cref="RpcClientOptions.RetryCountMax"/>), then fail with <see cref="RpcRetriesExhaustedException"/>.
    /// </remarks>
    public Task<T> CallAsync<T>(string method, object?[]? parameters = null, CancellationToken cancellationToken = default) =>
        _retry.RunAsync(method, parameters, attempt => CallOnceAsync<T>(method, parameters, attempt), cancellationToken);

    /// <summary>Calls <paramref name="method"/> and returns the raw result.</summary>
    public Task<JsonElement> CallAsync(string method, object?[]? parameters = null, CancellationToken cancellationToken = default) =>
        CallAsync<JsonElement>(method, parameters, cancellationToken);

    private async Task<T> CallOnceAsync<T>(string method, object?[]? parameters, CancellationToken cancellationToken)
    {
        var id = NextId();
        var body = RpcWire.Request(id, method, parameters);
        var response = await PostAsync(body, method, cancellationToken)
            ?? throw new RpcProtocolException($"{method}: the node at {Endpoint} sent an empty response; expected a JSON-RPC result");
        using var document = Parse(response, method);
        return RpcWire.Convert<T>(RpcWire.Result(document.RootElement, method, Endpoint), method);
    }

    /// <summary>Sends a notification (no id, no answer expected).</summary>
    public async Task NotifyAsync(string method, object?[]? parameters = null, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters ?? [], AgoraJson.Options);
            writer.WriteEndObject();
        }

        await PostAsync(buffer.WrittenSpan.ToArray(), method, cancellationToken);
    }

    /// <summary>Starts a batch: add calls, then send them in one request with <see cref="RpcBatch.SendAsync"/>.</summary>
    public RpcBatch CreateBatch() => new(this);

    internal long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary><see cref="PostAsync"/>, retried like a read when every one of <paramref name="methods"/> is a read.</summary>
    internal Task<byte[]?> PostRetriedAsync(byte[] body, string what, IEnumerable<string> methods, CancellationToken cancellationToken) =>
        _retry.RunBatchAsync(what, methods, attempt => PostAsync(body, what, attempt), cancellationToken);

    /// <summary>POSTs <paramref name="body"/>; returns the response body (null for 204) or throws a specific error.</summary>
    internal async Task<byte[]?> PostAsync(byte[] body, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CallTimeout);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await ReadLimitedAsync(response, what, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode && !LooksLikeJsonRpc(bytes))
            {
                throw new RpcProtocolException(
                    $"{what}: {Endpoint} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} ({RpcWire.Shown(bytes)}); check that the URL is the node's RPC port",
                    response.StatusCode);
            }

            return bytes;
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException(Endpoint, Describe(e), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTimeoutException(Endpoint, what, _options.CallTimeout, e);
        }
    }

    internal JsonDocument Parse(byte[] response, string what)
    {
        try
        {
            return JsonDocument.Parse(response);
        }
        catch (JsonException e)
        {
            throw new RpcProtocolException($"{what}: {Endpoint} answered with something that is not JSON ({RpcWire.Shown(response)}); check that the URL is the node's RPC port", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var limit = _options.ResponseBytesMax;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new RpcProtocolException($"{what}: the response has {response.Content.Headers.ContentLength} bytes, more than ResponseBytesMax ({limit}); ask for less (smaller batches)");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new RpcProtocolException($"{what}: the response is larger than ResponseBytesMax ({limit} bytes); ask for less (smaller batches)");
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    private static bool LooksLikeJsonRpc(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("jsonrpc", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static string Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.ConnectionReset => "connection reset by the node",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.Message,
                };
            }
        }

        return e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
            ? "the node closed the connection before answering"
            : e.Message;
    }
}
