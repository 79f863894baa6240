using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Agora.Cli.Tests.Wallet;

/// <summary>A node answering impossible balances gets a clear error from <c>wallet balance</c>, not an overflow.</summary>
public sealed class BalanceFromHostileNodeTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Balances_that_add_up_past_u64_max_are_refused_as_an_error_naming_the_network()
    {
        // Given a "node" whose state_getAccount answers free and staked near u64 max
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var serving = ServeAsync(listener,
            """{"jsonrpc":"2.0","id":1,"result":{"free":18446744073709551615,"staked":18446744073709551615,"reserved":0,"nonce":0}}""", stop.Token);

        // When the balance is asked for
        var result = await Task.Run(() => _cli.Run("wallet", "balance", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "--rpc", $"http://127.0.0.1:{port}/"));
        await stop.CancelAsync();
        await serving;

        // Then it is one error line, not an OverflowException
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("add up to more than", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Answers every HTTP request with <paramref name="json"/> (the request's JSON-RPC id put in) until stopped.</summary>
    private static async Task ServeAsync(TcpListener listener, string json, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                await AnswerAsync(client, json);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private static async Task AnswerAsync(TcpClient client, string json)
    {
        var stream = client.GetStream();
        var buffer = new byte[64 * 1024];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || !BodyComplete(request.ToString()))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var id = System.Text.Json.JsonDocument.Parse(request.ToString()[(request.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])
            .RootElement.GetProperty("id").GetRawText();
        var body = Encoding.UTF8.GetBytes(json.Replace("\"id\":1", $"\"id\":{id}", StringComparison.Ordinal));
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head);
        await stream.WriteAsync(body);
    }

    private static bool BodyComplete(string request)
    {
        var headerEnd = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lengthLine = request[..headerEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return lengthLine is null || request.Length - headerEnd - 4 >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
