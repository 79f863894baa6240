using System.Net;
using System.Net.Sockets;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>A TCP port that was free a moment ago: bound on 127.0.0.1:0, read, released.</summary>
internal static class FreePort
{
    /// <summary>A port the operating system just handed out and took back.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
