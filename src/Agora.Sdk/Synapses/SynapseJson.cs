using System.Text.Json;
using Agora.Core.Json;

namespace Agora.Sdk.Synapses;

/// <summary>
/// The JSON of synapse bodies and refusals, in one place: the chain's conventions (<see cref="AgoraJson"/>:
/// snake_case keys, accounts as SS58, hashes and bytes as 0x-hex, rao as integers), so a subnet's records read
/// the same as the node's RPC.
/// </summary>
public static class SynapseJson
{
    /// <summary>The default options of a <see cref="Synapse{TRequest, TResponse}"/>.</summary>
    public static JsonSerializerOptions Options => AgoraJson.Options;
}
