using Agora.Cli.Infrastructure;

namespace Agora.Cli.Commands.Node;

/// <summary>Parses <c>--rpc-cors</c> and <c>--rpc-host</c>: a comma-separated list, or <c>all</c> (the server's <c>*</c>).</summary>
internal static class RpcAccessLists
{
    private const string All = "all";

    /// <summary>Origins such as <c>http://localhost:8080</c>; each must be scheme://host[:port] without a path.</summary>
    public static IReadOnlyList<string> Origins(string? value)
    {
        var items = Split(value);
        if (items is ["*"])
        {
            return items;
        }

        foreach (var origin in items)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/"
                || origin.EndsWith('/'))
            {
                throw new CliException($"--rpc-cors: '{origin}' is not an origin; write scheme://host[:port], e.g. http://localhost:8080, or 'all'");
            }
        }

        return items;
    }

    /// <summary>Host names such as <c>node.example</c> (no scheme, no port).</summary>
    public static IReadOnlyList<string> Hosts(string? value)
    {
        var items = Split(value);
        if (items is ["*"])
        {
            return items;
        }

        foreach (var host in items)
        {
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                throw new CliException($"--rpc-host: '{host}' is not a host name; write names without scheme or port, e.g. node.example, or 'all'");
            }
        }

        return items;
    }

    private static string[] Split(string? value)
    {
        var items = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Any(i => i.Equals(All, StringComparison.OrdinalIgnoreCase) || i == "*") ? ["*"] : items;
    }
}
