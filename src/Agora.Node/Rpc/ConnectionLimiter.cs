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
    private readonly AddressQuota _quota;
    private readonly LimitHitLog _limits;
    private readonly RpcMetrics _metrics;

    public ConnectionLimiter(int connectionsMax, int connectionsPerIpMax, LimitHitLog limits, RpcMetrics metrics)
    {
        _quota = new AddressQuota(
            connectionsMax, nameof(RpcServerOptions.ConnectionsMax), connectionsPerIpMax, nameof(RpcServerOptions.ConnectionsPerIpMax), "connections");
        _limits = limits;
        _metrics = metrics;
    }

    /// <summary>The effective total limit (after the descriptor budget).</summary>
    public int ConnectionsMax => _quota.TotalMax;

    /// <summary>Wraps <paramref name="next"/>: over-limit connections end here, without a byte read.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var ip = AddressQuota.Normalize((connection.RemoteEndPoint as IPEndPoint)?.Address);
        if (_quota.TryTake(ip) is { } refusal)
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
            _quota.Release(ip);
        }
    };
}
