using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Agora.Testing.Attacks;

/// <summary>
/// Plain JSON-RPC over HTTP for the attacks and the observer: no SDK retries or typed results, so what is measured
/// is the node, and attackers can send what no well-behaved client would.
/// </summary>
public sealed class RawRpc : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;

    /// <summary>A client for <paramref name="url"/> whose calls give up after <paramref name="timeout"/>.</summary>
    public RawRpc(Uri url, TimeSpan timeout)
    {
        _url = url;
        _http = new HttpClient { Timeout = timeout };
    }

    /// <summary>Calls <paramref name="method"/> and returns its result; throws <see cref="RawRpcException"/> for an error or a transport failure.</summary>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        using var reply = JsonDocument.Parse(await PostAsync(body, cancellationToken));
        if (reply.RootElement.TryGetProperty("error", out var error))
        {
            throw new RawRpcException($"{method}: {error}");
        }

        return reply.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Posts <paramref name="body"/> as JSON and returns the response body, whatever its status.</summary>
    public async Task<byte[]> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await _http.PostAsync(_url, content, cancellationToken);
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RawRpcException($"POST {_url}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RawRpcException($"POST {_url}: no answer within {_http.Timeout.TotalSeconds} s", e);
        }
    }

    /// <summary>
    /// Posts <paramref name="body"/> and reads the response as a stream, counting its bytes without keeping them (an
    /// attacker does not need the answer, only to make the node build it). Returns the byte count.
    /// </summary>
    public async Task<long> PostCountingAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = content };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        catch (HttpRequestException e)
        {
            throw new RawRpcException($"POST {_url}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RawRpcException($"POST {_url}: no answer within {_http.Timeout.TotalSeconds} s", e);
        }
    }

    /// <summary>A batch of author_submitTransaction calls for <paramref name="encoded"/>.</summary>
    public static byte[] SubmitBatch(IEnumerable<byte[]> encoded)
    {
        var text = new StringBuilder("[");
        var id = 0;
        foreach (var transaction in encoded)
        {
            text.Append(id == 0 ? "" : ",")
                .Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(id++)
                .Append(",\"method\":\"author_submitTransaction\",\"params\":[\"0x")
                .Append(Convert.ToHexStringLower(transaction))
                .Append("\"]}");
        }

        return Encoding.UTF8.GetBytes(text.Append(']').ToString());
    }

    /// <summary>Counts the successes and errors of a batch response.</summary>
    public static (int Accepted, int Refused, string? FirstError) CountBatch(byte[] response)
    {
        using var document = JsonDocument.Parse(response);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return (0, 1, document.RootElement.ToString());
        }

        int accepted = 0, refused = 0;
        string? first = null;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("error", out var error))
            {
                refused++;
                first ??= error.ToString();
            }
            else
            {
                accepted++;
            }
        }

        return (accepted, refused, first);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
