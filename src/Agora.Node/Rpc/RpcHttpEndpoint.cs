using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Agora.Node.Rpc;

/// <summary>
/// The HTTP side of the RPC port: <c>POST /</c> (JSON-RPC), WebSocket upgrade on <c>/</c>, <c>GET /health</c>,
/// and CORS for browser clients such as the explorer. JSON-RPC requests must name the node in Host, come from an
/// allowed Origin (if any) and POST <c>application/json</c>, so that an arbitrary web page cannot drive the node.
/// </summary>
internal sealed class RpcHttpEndpoint
{
    private const string JsonContentType = "application/json";
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly RpcWebSocketEndpoint _webSockets;
    private readonly BrowserGuard _browsers;
    private readonly LimitHitLog _limits;

    public RpcHttpEndpoint(RpcServerOptions options, RpcDispatcher dispatcher, RpcWebSocketEndpoint webSockets, LimitHitLog limits)
    {
        _options = options;
        _dispatcher = dispatcher;
        _webSockets = webSockets;
        _browsers = new BrowserGuard(options);
        _limits = limits;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Equals("/health", StringComparison.Ordinal) && HttpMethods.IsGet(request.Method))
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.WriteAsync("{\"status\":\"ok\"}", context.RequestAborted);
            return;
        }

        if (request.Path.HasValue && request.Path.Value != "/")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(
                $"no endpoint at {request.Path}: send JSON-RPC with POST / or a WebSocket upgrade on /; health is GET /health\n",
                context.RequestAborted);
            return;
        }

        if (_browsers.RefuseHost(request) is { } badHost)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, nameof(RpcServerOptions.HostsAllowed), badHost);
            return;
        }

        if (_browsers.RefuseOrigin(context) is { } badOrigin)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, nameof(RpcServerOptions.CorsAllowedOrigins), badOrigin);
            return;
        }

        if (context.WebSockets.IsWebSocketRequest)
        {
            await _webSockets.HandleAsync(context);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            await HandlePostAsync(context);
        }
        else if (HttpMethods.IsOptions(request.Method))
        {
            context.Response.Headers.AccessControlAllowMethods = "POST, GET, OPTIONS";
            context.Response.Headers.AccessControlAllowHeaders = "content-type";
            context.Response.Headers.AccessControlMaxAge = "86400";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST, OPTIONS";
            await context.Response.WriteAsync("send JSON-RPC with POST / (or upgrade to a WebSocket on /)\n", context.RequestAborted);
        }
    }

    internal static async Task WriteErrorAsync(HttpContext context, int status, int code, string message)
    {
        var body = RpcDispatcher.ErrorResponse(code, message);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private Task RefuseAsync(HttpContext context, int status, string limit, string why)
    {
        _limits.Hit(limit, why);
        return WriteErrorAsync(context, status, RpcErrorCodes.InvalidRequest, why);
    }

    /// <summary>
    /// application/json, optionally with charset=utf-8. Browsers send text/plain and form types cross-origin
    /// without a preflight; requiring JSON forces the preflight that CORS then refuses.
    /// </summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private async Task HandlePostAsync(HttpContext context)
    {
        if (!IsJson(context.Request.ContentType))
        {
            var found = context.Request.ContentType is { Length: > 0 } given ? $"'{given[..Math.Min(given.Length, 100)]}'" : "none";
            await RefuseAsync(
                context,
                StatusCodes.Status415UnsupportedMediaType,
                "JsonContentType",
                $"send JSON-RPC with Content-Type: application/json (optionally ; charset=utf-8); found {found}");
            return;
        }

        var limit = _options.RequestBytesMax;
        var declared = context.Request.ContentLength;
        if (declared > limit)
        {
            await WriteTooBigAsync(context, $"the request has {declared} bytes, more than");
            return;
        }

        // RequestBytesMax is enforced here, with a JSON-RPC error, instead of by Kestrel's plain 413.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var body = await ReadBodyAsync(context.Request.Body, limit, context.RequestAborted);
        if (body is null)
        {
            await WriteTooBigAsync(context, "the request is larger than");
            return;
        }

        var response = await _dispatcher.DispatchAsync(body.Value, session: null, context.RequestAborted);
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent; // notifications only
            return;
        }

        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    private Task WriteTooBigAsync(HttpContext context, string whatWasSent) =>
        WriteErrorAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            RpcErrorCodes.RequestTooBig,
            $"{whatWasSent} RequestBytesMax ({_options.RequestBytesMax} bytes); send smaller batches or transactions");

    /// <summary>Reads the body, or returns null as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
