using System.Net.Http.Headers;
using System.Text.Json;

namespace Agora.Bench.Throughput;

/// <summary>Plain JSON-RPC over HTTP to the node under test, with pre-built bodies for the timed phase.</summary>
internal sealed class NodeRpc : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public NodeRpc(Uri endpoint, int connections)
    {
        if (!endpoint.IsLoopback)
        {
            throw new ArgumentException($"the benchmark only talks to 127.0.0.1, not {endpoint}", nameof(endpoint));
        }

        _endpoint = endpoint;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 2, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>POSTs a ready JSON-RPC body and returns the response body.</summary>
    public async Task<byte[]> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_endpoint, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Calls one method; throws with the node's message on a JSON-RPC error.</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = method,
            ["params"] = parameters,
        });
        using var document = JsonDocument.Parse(await PostAsync(body, cancellationToken));
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    public void Dispose() => _http.Dispose();
}
