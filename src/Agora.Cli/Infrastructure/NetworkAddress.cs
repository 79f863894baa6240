namespace Agora.Cli.Infrastructure;

/// <summary>Turns <c>--network local|URL</c> into a node URL.</summary>
internal static class NetworkAddress
{
    /// <summary>The name of the local node.</summary>
    public const string LocalName = "local";

    /// <summary>Where the local node listens (JSON-RPC over HTTP and WebSocket).</summary>
    public static readonly Uri LocalUrl = new("http://127.0.0.1:9944");

    /// <summary>The URL of a network name or URL, or an error naming the accepted forms.</summary>
    public static bool TryResolve(string value, out Uri url, out string error)
    {
        url = LocalUrl;
        error = string.Empty;
        if (string.Equals(value, LocalName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            && parsed.Scheme is "http" or "https" or "ws" or "wss"
            && !string.IsNullOrEmpty(parsed.Host))
        {
            url = parsed;
            return true;
        }

        error = $"'{value}' is not a network: use 'local' or a node URL such as http://127.0.0.1:9944 (http, https, ws or wss)";
        return false;
    }
}
