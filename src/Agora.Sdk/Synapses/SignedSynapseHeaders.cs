using System.Net.Http.Headers;

namespace Agora.Sdk.Synapses;

/// <summary>The header values of one signed synapse request, as they go on the wire.</summary>
/// <param name="Caller"><c>agora-caller</c>.</param>
/// <param name="Callee"><c>agora-callee</c>.</param>
/// <param name="Nonce"><c>agora-nonce</c>.</param>
/// <param name="BodyHash"><c>agora-body-hash</c>.</param>
/// <param name="Signature"><c>agora-signature</c>.</param>
public sealed record SignedSynapseHeaders(string Caller, string Callee, string Nonce, string BodyHash, string Signature)
{
    /// <summary>Adds the five headers to <paramref name="headers"/>.</summary>
    public void AddTo(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.TryAddWithoutValidation(SynapseHeaders.Caller, Caller);
        headers.TryAddWithoutValidation(SynapseHeaders.Callee, Callee);
        headers.TryAddWithoutValidation(SynapseHeaders.Nonce, Nonce);
        headers.TryAddWithoutValidation(SynapseHeaders.BodyHash, BodyHash);
        headers.TryAddWithoutValidation(SynapseHeaders.Signature, Signature);
    }
}
