using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Agora.Cli.Tests.Neurons;

/// <summary>
/// A stand-in node on a loopback port: answers each JSON-RPC call with the result (or error) its handler gives for
/// the method and params, and records every call. One request per connection (HTTP/1.1, Connection: close).
/// </summary>
internal sealed class FakeNode : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, JsonElement, string> _answer;
    private readonly Task _serving;

    /// <param name="answer">The JSON text of the result for (method, params); a text starting with <c>{"code"</c> is sent as the error.</param>
    public FakeNode(Func<string, JsonElement, string> answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Every call received: method and raw params.</summary>
    public ConcurrentQueue<(string Method, string Params)> Calls { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
#pragma warning disable VSTHRD003 // the serving loop is this object's own task, started in its constructor
            await _serving;
#pragma warning restore VSTHRD003
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var buffer = new byte[64 * 1024];
        var received = new MemoryStream();
        int headerEnd;
        while ((headerEnd = HeaderEnd(received)) < 0 || received.Length < headerEnd + ContentLength(received, headerEnd))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            await received.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }

        using var request = JsonDocument.Parse(received.ToArray().AsMemory(headerEnd));
        var root = request.RootElement;
        var method = root.GetProperty("method").GetString()!;
        var parameters = root.TryGetProperty("params", out var p) ? p : default;
        Calls.Enqueue((method, parameters.ValueKind == JsonValueKind.Undefined ? "" : parameters.GetRawText()));
        var answer = _answer(method, parameters);
        var member = answer.StartsWith("{\"code\"", StringComparison.Ordinal) ? "error" : "result";
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + root.GetProperty("id").GetRawText() + ",\"" + member + "\":" + answer + "}");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
    }

    private static int HeaderEnd(MemoryStream received)
    {
        var text = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length);
        var at = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return at < 0 ? -1 : at + 4;
    }

    private static int ContentLength(MemoryStream received, int headerEnd)
    {
        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd);
        var line = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return line is null ? 0 : int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
