using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>Who is calling a synapse handler, checked by the axon before the handler runs.</summary>
/// <param name="Synapse">The synapse name.</param>
/// <param name="Caller">The caller's hotkey (its signature was verified).</param>
/// <param name="CallerStake">The caller's stake on the subnet (zero for an allowlisted unregistered caller).</param>
/// <param name="Nonce">The request's nonce (nanoseconds since the Unix epoch by the caller's clock).</param>
public sealed record SynapseContext(string Synapse, AccountId Caller, Rao CallerStake, ulong Nonce);
