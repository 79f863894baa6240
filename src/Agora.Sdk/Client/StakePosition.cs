using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>A coldkey's stake on (hotkey, netuid), from <c>agora_getStake</c>.</summary>
public sealed record StakePosition(AccountId Hotkey, ushort Netuid, Rao Stake);
