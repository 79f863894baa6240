using System.Globalization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;

namespace Agora.Sdk.Synapses;

/// <summary>Builds the five <see cref="SynapseHeaders"/> of a request, signed with the caller's hotkey.</summary>
public static class SynapseRequestSigner
{
    /// <summary>Signs a request of <paramref name="body"/> to <paramref name="callee"/>'s synapse <paramref name="name"/>.</summary>
    public static SignedSynapseHeaders Sign(KeyPair caller, AccountId callee, ulong nonce, string name, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bodyHash = Hash256.Of(body);
        var signature = caller.Sign(SynapseMessage.Encode(caller.Account, callee, nonce, name, bodyHash));
        return new SignedSynapseHeaders(
            Ss58.Encode(caller.Account),
            Ss58.Encode(callee),
            nonce.ToString(CultureInfo.InvariantCulture),
            bodyHash.ToString(),
            HexFormat.Encode(signature));
    }
}
