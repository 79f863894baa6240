using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Agora.Node.Rpc;

/// <summary>
/// Kestrel connection middleware that counts open connections in total and per remote IP address and closes
/// a connection over <see cref="RpcServerOptions.ConnectionsMax"/> or <see cref="RpcServerOptions.ConnectionsPerIpMax"/>
/// as soon as it is accepted, so that a flood is refused at once instead of queueing until descriptors run out.
/// </summary>
internal sealed class ConnectionLimiter
{
    private readonly int _connectionsMax;
    private readonly int _connectionsPerIpMax;
    private readonly LimitHitLog _limits;
    private readonly RpcMetrics _metrics;
    private readonly Dictionary<IPAddress, int> _perIp = [];
    private int _open;

    public ConnectionLimiter(int connectionsMax, int connectionsPerIpMax, LimitHitLog limits, RpcMetrics metrics)
    {
        _connectionsMax = connectionsMax;
        _connectionsPerIpMax = connectionsPerIpMax;
        _limits = limits;
        _metrics = metrics;
    }

    /// <summary>The effective total limit (after the descriptor budget).</summary>
    public int ConnectionsMax => _connectionsMax;

    /// <summary>Wraps <paramref name="next"/>: over-limit connections end here, without a byte read.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var ip = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (TryAdmit(ip) is { } refusal)
        {
            _limits.Hit(refusal.Limit, refusal.Detail);
            connection.Abort(new ConnectionAbortedException(refusal.Detail));
            return;
        }

        _metrics.ConnectionOpened();
        try
        {
            await next(connection);
        }
        finally
        {
            _metrics.ConnectionClosed();
            Release(ip);
        }
    };

    private (string Limit, string Detail)? TryAdmit(IPAddress ip)
    {
        lock (_perIp)
        {
            if (_open >= _connectionsMax)
            {
                return (nameof(RpcServerOptions.ConnectionsMax),
                    $"{_open} connections are open, the most allowed; refused one from {ip} (raise the descriptor limit, ulimit -n, to allow more)");
            }

            var fromIp = _perIp.GetValueOrDefault(ip);
            if (fromIp >= _connectionsPerIpMax)
            {
                return (nameof(RpcServerOptions.ConnectionsPerIpMax),
                    $"{ip} already has {fromIp} connections open, the most one address may; refused another");
            }

            _perIp[ip] = fromIp + 1;
            _open++;
            return null;
        }
    }

    private void Release(IPAddress ip)
    {
        lock (_perIp)
        {
            _open--;
            if (_perIp[ip] == 1)
            {
                _perIp.Remove(ip); // so that addresses seen once do not grow the table
            }
            else
            {
                _perIp[ip]--;
            }
        }
    }
}
