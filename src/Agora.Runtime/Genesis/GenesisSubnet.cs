using Agora.Core.Primitives;

namespace Agora.Runtime.Genesis;

/// <summary>A subnet that exists from genesis (benchmark and test chains), with no lock, at the next free netuid.</summary>
public sealed record GenesisSubnet(string Name, AccountId Owner, AccountId OwnerHotkey);
