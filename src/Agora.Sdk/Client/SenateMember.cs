using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>A senate member (<c>agora_getSenate</c>): a top hotkey by total stake.</summary>
public sealed record SenateMember(AccountId Hotkey, Rao Stake);
