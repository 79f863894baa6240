using Agora.Core.Primitives;

namespace Agora.Sdk.Axon;

/// <summary>
/// Who may call an axon and with what weight: the hotkeys registered on the subnet and their stake. The miner host
/// fills it from the metagraph; the axon asks it on every request, so it must be fast and thread-safe.
/// </summary>
public interface IAxonCallerDirectory
{
    /// <summary>True with its stake when <paramref name="hotkey"/> is registered on the subnet.</summary>
    bool TryGetStake(AccountId hotkey, out Rao stake);
}
