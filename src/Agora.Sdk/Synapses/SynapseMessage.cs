using Agora.Core.Codec;
using Agora.Core.Primitives;

namespace Agora.Sdk.Synapses;

/// <summary>
/// The bytes a caller signs for one synapse request (spec/interfaces.md, "Axon protocol"): the LEB128-length-prefixed
/// domain <c>agora/synapse/v1</c>, caller (32 bytes), callee (32 bytes), nonce (u64 LE), the LEB128-length-prefixed
/// UTF-8 synapse name, and the Blake2b-256 of the body (32 bytes). The domain keeps a synapse signature from ever
/// being valid as a transaction or any other signed Agora message.
/// </summary>
public static class SynapseMessage
{
    /// <summary>The domain separator, first in every signed synapse message.</summary>
    public const string Domain = "agora/synapse/v1";

    private static readonly byte[] DomainBytes = System.Text.Encoding.UTF8.GetBytes(Domain);

    /// <summary>The signed bytes of a request.</summary>
    public static byte[] Encode(AccountId caller, AccountId callee, ulong nonce, string name, Hash256 bodyHash)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        return new CodecWriter(DomainBytes.Length + 1 + (2 * AccountId.Size) + 8 + nameBytes.Length + 2 + Hash256.Size)
            .Bytes(DomainBytes)
            .Fixed(caller.Bytes)
            .Fixed(callee.Bytes)
            .U64(nonce)
            .Bytes(nameBytes)
            .Fixed(bodyHash.Bytes)
            .ToArray();
    }
}
