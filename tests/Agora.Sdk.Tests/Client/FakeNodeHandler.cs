using System.Net;
using System.Text;

namespace Agora.Sdk.Tests.Client;

/// <summary>An HTTP handler that records requests and answers with a canned response.</summary>
public sealed class FakeNodeHandler : HttpMessageHandler
{
    private readonly Func<string, (HttpStatusCode Status, string Body, string ContentType)> _answer;
    private readonly List<string> _requests = [];

    public FakeNodeHandler(Func<string, (HttpStatusCode Status, string Body, string ContentType)> answer)
    {
        _answer = answer;
    }

    public IReadOnlyList<string> Requests => _requests;

    public static FakeNodeHandler Json(string body) => new(_ => (HttpStatusCode.OK, body, "application/json"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        _requests.Add(body);
        var (status, answer, contentType) = _answer(body);
        return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, contentType) };
    }
}
