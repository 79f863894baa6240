using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Agora.Node.Rpc;

/// <summary>
/// Reports each hit of a named limit: always to the <c>agora_rpc_limit_hits_total</c> counter, and to the log at
/// most once per <see cref="RpcServerOptions.LimitLogInterval"/> per limit (a <see cref="LogThrottle"/> each), with
/// how many hits went unlogged since, so that an attacker hammering a limit cannot flood the log.
/// </summary>
internal sealed class LimitHitLog
{
    private readonly ILogger _logger;
    private readonly RpcMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ConcurrentDictionary<string, LogThrottle> _throttles = new(StringComparer.Ordinal);

    public LimitHitLog(ILogger logger, RpcMetrics metrics, TimeProvider time, TimeSpan interval)
    {
        _logger = logger;
        _metrics = metrics;
        _time = time;
        _interval = interval;
    }

    /// <summary>Counts a hit of <paramref name="limit"/> (the option's name) and logs <paramref name="detail"/> unless one was logged recently.</summary>
    public void Hit(string limit, string detail)
    {
        _metrics.LimitHit(limit);
        if (_throttles.GetOrAdd(limit, _ => new LogThrottle(_interval, _time)).TryEnter(out var suppressed))
        {
            _logger.LimitHit(limit, detail, suppressed);
        }
    }
}
