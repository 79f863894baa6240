using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Agora.Node.Rpc;

/// <summary>
/// The HTTP side of the RPC port: <c>POST /</c> (JSON-RPC), WebSocket upgrade on <c>/</c>, <c>GET /health</c>,
/// and CORS for browser clients such as the explorer.
/// </summary>
internal sealed class RpcHttpEndpoint
{
    private const string JsonContentType = "application/json";
    private readonly RpcServerOptions _options;
    private readonly RpcDispatcher _dispatcher;
    private readonly RpcWebSocketEndpoint _webSockets;

    public RpcHttpEndpoint(RpcServerOptions options, RpcDispatcher dispatcher, RpcWebSocketEndpoint webSockets)
    {
        _options = options;
        _dispatcher = dispatcher;
        _webSockets = webSockets;
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

        if (!ApplyCors(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("this origin is not in the node's CorsAllowedOrigins\n", context.RequestAborted);
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

    private async Task HandlePostAsync(HttpContext context)
    {
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

    private bool ApplyCors(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true; // not a browser
        }

        var anyOrigin = _options.CorsAllowedOrigins.Contains("*", StringComparer.Ordinal);
        if (!anyOrigin && !_options.CorsAllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        context.Response.Headers.AccessControlAllowOrigin = anyOrigin ? "*" : origin;
        context.Response.Headers.Vary = "Origin";
        return true;
    }
}
