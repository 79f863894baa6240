using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>
/// Where an <see cref="Axon"/> listens and the limits it enforces. <see cref="Port"/> speaks HTTP/2 over cleartext
/// (prior knowledge, what the dendrite uses; announce this port on chain); <see cref="Http1Port"/>, when set, serves
/// the same protocol over HTTP/1.1 for clients without h2c. Kestrel cannot offer both on one cleartext port.
/// </summary>
public sealed record AxonOptions
{
    /// <summary>The address to listen on (0.0.0.0 so validators can reach a miner; 127.0.0.1 in tests).</summary>
    public string ListenAddress { get; init; } = "0.0.0.0";

    /// <summary>The HTTP/2 (h2c) port, the one announced on chain; 0 picks a free port.</summary>
    public int Port { get; init; } = 8091;

    /// <summary>An extra HTTP/1.1 port for clients without h2c; null turns it off, 0 picks a free port.</summary>
    public int? Http1Port { get; init; }

    /// <summary>Largest request body accepted (413 body_too_large above it, refused before reading it when declared).</summary>
    public int RequestBytesMax { get; init; } = 4 * 1024 * 1024;

    /// <summary>How far a nonce (a timestamp) may be from the axon's clock, either way (409 stale_nonce outside).</summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests a caller may make per second on average (429 rate_limited above it).</summary>
    public int CallerRequestsPerSecondMax { get; init; } = 50;

    /// <summary>Requests a caller may make at once after being idle (the token bucket's size).</summary>
    public int CallerBurstMax { get; init; } = 100;

    /// <summary>Handlers running at once; more requests wait, highest caller stake first.</summary>
    public int ConcurrentRequestsMax { get; init; } = 16;

    /// <summary>Requests waiting for a handler; when full the lowest-stake waiter is shed (503 overloaded).</summary>
    public int QueuedRequestsMax { get; init; } = 64;

    /// <summary>Callers refused even when registered (403 not_registered).</summary>
    public IReadOnlySet<AccountId> Blacklist { get; init; } = new HashSet<AccountId>();

    /// <summary>Callers served even when not registered on the subnet (with zero stake unless registered).</summary>
    public IReadOnlySet<AccountId> Allowlist { get; init; } = new HashSet<AccountId>();

    /// <summary>Throws naming the option that is out of range.</summary>
    public void Validate()
    {
        Require(Port is >= 0 and <= 65535, $"Port must be 0 to 65535, not {Port}");
        Require(Http1Port is null or (>= 0 and <= 65535), $"Http1Port must be null or 0 to 65535, not {Http1Port}");
        Require(Port == 0 || Http1Port != Port, $"Http1Port must differ from Port ({Port}): one cleartext port cannot speak both");
        Require(RequestBytesMax > 0, $"RequestBytesMax must be positive, not {RequestBytesMax}");
        Require(NonceWindow > TimeSpan.Zero, $"NonceWindow must be positive, not {NonceWindow}");
        Require(CallerRequestsPerSecondMax > 0, $"CallerRequestsPerSecondMax must be positive, not {CallerRequestsPerSecondMax}");
        Require(CallerBurstMax > 0, $"CallerBurstMax must be positive, not {CallerBurstMax}");
        Require(ConcurrentRequestsMax > 0, $"ConcurrentRequestsMax must be positive, not {ConcurrentRequestsMax}");
        Require(QueuedRequestsMax >= 0, $"QueuedRequestsMax must not be negative, not {QueuedRequestsMax}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"axon options: {message}");
        }
    }
}
