using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getBurn</c>: what registering on <paramref name="Netuid"/> burns now.</summary>
/// <param name="Netuid">The subnet.</param>
/// <param name="Burn">The registration burn.</param>
public sealed record BurnInfo(ushort Netuid, Rao Burn);
