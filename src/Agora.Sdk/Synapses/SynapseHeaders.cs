namespace Agora.Sdk.Synapses;

/// <summary>The HTTP headers of a synapse request (spec/interfaces.md, "Axon protocol").</summary>
public static class SynapseHeaders
{
    /// <summary>The caller's hotkey, SS58.</summary>
    public const string Caller = "agora-caller";

    /// <summary>The axon's hotkey, SS58.</summary>
    public const string Callee = "agora-callee";

    /// <summary>u64 decimal: nanoseconds since the Unix epoch, strictly increasing per caller.</summary>
    public const string Nonce = "agora-nonce";

    /// <summary>0x Blake2b-256 of the body bytes.</summary>
    public const string BodyHash = "agora-body-hash";

    /// <summary>0x Ed25519 signature by the caller over <see cref="SynapseMessage"/>.</summary>
    public const string Signature = "agora-signature";
}
