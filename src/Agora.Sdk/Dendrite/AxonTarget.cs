using Agora.Core.Primitives;
using Agora.Sdk.Client;

namespace Agora.Sdk.Dendrite;

/// <summary>An axon to call: the miner's hotkey (the callee it signs for) and where it listens.</summary>
/// <param name="Uid">The neuron's uid on the subnet, when known (for matching results to the metagraph).</param>
/// <param name="Hotkey">The axon's hotkey.</param>
/// <param name="Host">IPv4 dotted, IPv6 text or a host name.</param>
/// <param name="Port">The axon's HTTP/2 port (the one it announced on chain).</param>
public sealed record AxonTarget(ushort? Uid, AccountId Hotkey, string Host, int Port)
{
    /// <summary>The axon <paramref name="neuron"/> announced, or null when it has not served one.</summary>
    public static AxonTarget? Of(MetagraphNeuron neuron)
    {
        ArgumentNullException.ThrowIfNull(neuron);
        return neuron.Axon is { } axon ? new AxonTarget(neuron.Uid, neuron.Hotkey, axon.Ip, axon.Port) : null;
    }

    /// <summary><c>http://host:port</c>.</summary>
    public Uri BaseUri => new UriBuilder(Uri.UriSchemeHttp, Host, Port).Uri;

    /// <inheritdoc />
    public override string ToString() => Uid is { } uid ? $"uid {uid} at {Host}:{Port}" : $"{Hotkey} at {Host}:{Port}";
}
