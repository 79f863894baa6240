using Agora.Sdk.Synapses;

namespace Agora.Sdk.Dendrite;

/// <summary>
/// Nonces for one caller: nanoseconds since the Unix epoch, strictly increasing even when the clock has not moved
/// (two calls in one tick, or a clock stepped back) — the axon refuses any nonce not above the caller's last.
/// </summary>
public sealed class NonceClock
{
    private readonly TimeProvider _time;
    private ulong _last;

    /// <summary>A clock reading <paramref name="time"/>.</summary>
    public NonceClock(TimeProvider time) => _time = time;

    /// <summary>The next nonce: now, or one above the last when now is not above it.</summary>
    public ulong Next()
    {
        var now = SynapseNonces.Now(_time);
        while (true)
        {
            var last = Interlocked.CompareExchange(ref _last, 0, 0);
            var next = now > last ? now : last + 1;
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
