using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Agora.Sdk.Tests.Client;

/// <summary>
/// An HTTP handler that fails its first <c>failures</c> requests the way a network or a proxy does, then answers
/// with <c>answer</c>; it records every request body, failed ones included.
/// </summary>
public sealed class FlakyNodeHandler : HttpMessageHandler
{
    private readonly int _failures;
    private readonly Func<int, HttpResponseMessage> _fail;
    private readonly Func<string, string> _answer;
    private readonly List<string> _requests = [];

    private FlakyNodeHandler(int failures, Func<int, HttpResponseMessage> fail, Func<string, string> answer)
    {
        _failures = failures;
        _fail = fail;
        _answer = answer;
    }

    public IReadOnlyList<string> Requests => _requests;

    /// <summary>Refuses the connection <paramref name="failures"/> times.</summary>
    public static FlakyNodeHandler Refusing(int failures, string answer) =>
        new(failures, _ => throw Network(SocketError.ConnectionRefused), _ => answer);

    /// <summary>Answers HTTP <paramref name="status"/> with an HTML page <paramref name="failures"/> times.</summary>
    public static FlakyNodeHandler Status(int failures, HttpStatusCode status, string answer) =>
        new(failures, _ => new HttpResponseMessage(status) { Content = new StringContent("<html>upstream</html>", Encoding.UTF8, "text/html") }, _ => answer);

    /// <summary>Answers with JSON-RPC error <paramref name="error"/> (a JSON object) <paramref name="failures"/> times.</summary>
    public static FlakyNodeHandler RpcError(int failures, string error, string answer) =>
        new(failures, _ => Json($$"""{"jsonrpc":"2.0","error":{{error}},"id":1}"""), _ => answer);

    /// <summary>Answers by <paramref name="answer"/> of the request body, after <paramref name="failures"/> connection resets.</summary>
    public static FlakyNodeHandler Resetting(int failures, Func<string, string> answer) =>
        new(failures, _ => throw Network(SocketError.ConnectionReset), answer);

    public static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        _requests.Add(body);
        return _requests.Count <= _failures ? _fail(_requests.Count) : Json(_answer(body));
    }

    private static HttpRequestException Network(SocketError error) =>
        new($"simulated {error}", new SocketException((int)error));
}
