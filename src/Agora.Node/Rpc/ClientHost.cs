using System.Net;
using System.Net.Sockets;

namespace Agora.Node.Rpc;

/// <summary>The host a local client puts in a URL for a server bound to a listen address (the loopback for "all interfaces").</summary>
internal static class ClientHost
{
    /// <summary><c>127.0.0.1</c> for 0.0.0.0, <c>[::1]</c> for ::, IPv6 in brackets, otherwise the address itself.</summary>
    public static string For(string listenAddress) => IPAddress.Parse(listenAddress) switch
    {
        var any when any.Equals(IPAddress.Any) => "127.0.0.1",
        var any when any.Equals(IPAddress.IPv6Any) => "[::1]",
        var v6 when v6.AddressFamily == AddressFamily.InterNetworkV6 => $"[{v6}]",
        var other => other.ToString(),
    };
}
