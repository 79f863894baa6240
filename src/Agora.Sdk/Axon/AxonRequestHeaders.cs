using System.Globalization;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Sdk.Synapses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>The parsed <see cref="SynapseHeaders"/> of one request (not yet verified).</summary>
internal sealed record AxonRequestHeaders(AccountId Caller, AccountId Callee, ulong Nonce, Hash256 BodyHash, byte[] Signature)
{
    /// <summary>Parses the five headers; a missing signature is 401, anything else missing or malformed is 400.</summary>
    public static AxonRequestHeaders? TryParse(IHeaderDictionary headers, out AxonRefusal? refusal)
    {
        refusal = null;
        if (!TryGet(headers, SynapseHeaders.Caller, out var callerText, ref refusal)
            || !TryGet(headers, SynapseHeaders.Callee, out var calleeText, ref refusal)
            || !TryGet(headers, SynapseHeaders.Nonce, out var nonceText, ref refusal)
            || !TryGet(headers, SynapseHeaders.BodyHash, out var hashText, ref refusal))
        {
            return null;
        }

        if (!Ss58.TryDecode(callerText, out var caller, out var callerError))
        {
            refusal = AxonRefusal.BadRequest($"{SynapseHeaders.Caller} is not an SS58 address ({callerError}); send the caller's hotkey");
            return null;
        }

        if (!Ss58.TryDecode(calleeText, out var callee, out var calleeError))
        {
            refusal = AxonRefusal.BadRequest($"{SynapseHeaders.Callee} is not an SS58 address ({calleeError}); send the axon's hotkey");
            return null;
        }

        if (!ulong.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce))
        {
            refusal = AxonRefusal.BadRequest($"{SynapseHeaders.Nonce} '{nonceText}' is not a decimal u64; send nanoseconds since the Unix epoch");
            return null;
        }

        if (!TryHex(hashText, Hash256.Size, out var hash))
        {
            refusal = AxonRefusal.BadRequest($"{SynapseHeaders.BodyHash} is not 0x and 32 bytes of hex; send the Blake2b-256 of the body");
            return null;
        }

        var signatureValue = headers[SynapseHeaders.Signature];
        if (StringValues.IsNullOrEmpty(signatureValue))
        {
            refusal = AxonRefusal.MissingSignature($"no {SynapseHeaders.Signature} header; sign the request with the caller's hotkey (see docs/axon.md)");
            return null;
        }

        if (signatureValue.Count != 1 || !TryHex(signatureValue.ToString(), Ed25519.SignatureSize, out var signature))
        {
            refusal = AxonRefusal.BadSignature($"{SynapseHeaders.Signature} is not 0x and {Ed25519.SignatureSize} bytes of hex");
            return null;
        }

        return new AxonRequestHeaders(caller, callee, nonce, new Hash256(hash), signature);
    }

    private static bool TryGet(IHeaderDictionary headers, string name, out string value, ref AxonRefusal? refusal)
    {
        var values = headers[name];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            refusal = AxonRefusal.BadRequest($"header {name} is {(values.Count == 0 ? "missing" : "not one value")}; the axon protocol needs caller, callee, nonce, body hash and signature");
            value = string.Empty;
            return false;
        }

        value = values[0]!;
        return true;
    }

    private static bool TryHex(string text, int size, out byte[] bytes)
    {
        var digits = text.StartsWith("0x", StringComparison.Ordinal) ? text.AsSpan(2) : [];
        bytes = new byte[size];
        return digits.Length == 2 * size && Convert.FromHexString(digits, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == size;
    }
}
