using System.Collections.Concurrent;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;

namespace Agora.Sdk.Axon;

/// <summary>
/// Refuses replays: a nonce must be above the caller's last, within the window around now, and not older than the
/// axon's start (the last-nonce table starts empty, so without that rule a restart would reopen the window).
/// Only verified callers reach it, so the table holds at most the subnet's hotkeys.
/// </summary>
internal sealed class NonceGuard
{
    private readonly ConcurrentDictionary<AccountId, ulong> _last = new();
    private readonly TimeProvider _time;
    private readonly ulong _windowNs;

    public NonceGuard(TimeProvider time, TimeSpan window)
    {
        _time = time;
        _windowNs = SynapseNonces.Of(window);
        StartNs = SynapseNonces.Now(time);
    }

    /// <summary>The axon's start, in nanoseconds since the Unix epoch: earlier nonces are refused.</summary>
    public ulong StartNs { get; }

    /// <summary>Accepts and records <paramref name="nonce"/>, or says why not.</summary>
    public bool TryAccept(AccountId caller, ulong nonce, out string problem)
    {
        if (nonce < StartNs)
        {
            problem = $"nonce {nonce} is older than this axon's start ({StartNs}); sign a new request";
            return false;
        }

        var now = SynapseNonces.Now(_time);
        if (nonce < now && now - nonce > _windowNs || nonce > now && nonce - now > _windowNs)
        {
            problem = $"nonce {nonce} is more than {_windowNs} ns from the axon's clock ({now}); check the caller's clock";
            return false;
        }

        while (true)
        {
            if (_last.TryGetValue(caller, out var last))
            {
                if (nonce <= last)
                {
                    problem = $"nonce {nonce} is not above the caller's last ({last}); a request is never accepted twice";
                    return false;
                }

                if (_last.TryUpdate(caller, nonce, last))
                {
                    break;
                }
            }
            else if (_last.TryAdd(caller, nonce))
            {
                break;
            }
        }

        problem = string.Empty;
        return true;
    }
}
