using System.Net;
using Microsoft.AspNetCore.Http;

namespace Agora.Node.Rpc;

/// <summary>
/// What a web page may do with the node. Two checks: the Host header must name the node (an IP literal,
/// <c>localhost</c> or one of <see cref="RpcServerOptions.HostsAllowed"/>), so that a page whose DNS name is
/// rebound to 127.0.0.1 is refused; and a browser's Origin must be in <see cref="RpcServerOptions.CorsAllowedOrigins"/>,
/// on plain requests and on WebSocket upgrades alike (browsers do not apply CORS to WebSockets).
/// </summary>
internal sealed class BrowserGuard
{
    private const string Any = "*";
    private const int EchoCharsMax = 100;
    private readonly HashSet<string> _hosts;
    private readonly bool _anyHost;
    private readonly HashSet<string> _origins;
    private readonly bool _anyOrigin;

    public BrowserGuard(RpcServerOptions options)
    {
        _anyHost = options.HostsAllowed.Contains(Any, StringComparer.Ordinal);
        _hosts = new HashSet<string>(options.HostsAllowed, StringComparer.OrdinalIgnoreCase) { "localhost" };
        _anyOrigin = options.CorsAllowedOrigins.Contains(Any, StringComparer.Ordinal);
        _origins = new HashSet<string>(options.CorsAllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when the Host header is acceptable, else why not and what to do.</summary>
    public string? RefuseHost(HttpRequest request)
    {
        if (_anyHost || !request.Host.HasValue)
        {
            return null; // HTTP/1.0 without Host: no browser sends that
        }

        // DNS rebinding needs a name; a request addressed to an IP literal cannot be a rebound page.
        var host = request.Host.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out _) || _hosts.Contains(host))
        {
            return null;
        }

        var shown = Shorten(request.Host.Host);
        return $"Host '{shown}' is not allowed (DNS rebinding protection): address the node as localhost or by IP, or start it with --rpc-host {shown}";
    }

    /// <summary>
    /// Null when the request may proceed (no Origin: not a browser; or an allowed one, for which the CORS
    /// headers are set), else why not and what to do.
    /// </summary>
    public string? RefuseOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        if (!_anyOrigin && !_origins.Contains(origin))
        {
            var shown = Shorten(origin);
            return $"Origin '{shown}' is not allowed to call this node: start it with --rpc-cors {shown} (or --rpc-cors all)";
        }

        context.Response.Headers.AccessControlAllowOrigin = _anyOrigin ? Any : origin;
        context.Response.Headers.Vary = "Origin";
        return null;
    }

    /// <summary>Header values are echoed in errors and logs; a long one is cut so that it cannot bloat either.</summary>
    private static string Shorten(string value) => value.Length <= EchoCharsMax ? value : value[..EchoCharsMax] + "…";
}
