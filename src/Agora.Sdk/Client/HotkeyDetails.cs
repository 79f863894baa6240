using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>The result of <c>agora_getHotkey</c>.</summary>
/// <param name="Hotkey">The hotkey.</param>
/// <param name="Owner">Its owning coldkey.</param>
/// <param name="Take">Its delegate take, a proportion in [0, 1].</param>
/// <param name="TotalStake">Its stake over every netuid and nominator.</param>
/// <param name="Stakes">Its stake per netuid.</param>
/// <param name="Nominators">Positions on it, largest first (at most the node's cap).</param>
/// <param name="NominatorCount">How many positions there are in all.</param>
public sealed record HotkeyDetails(
    AccountId Hotkey, AccountId Owner, decimal Take, Rao TotalStake, IReadOnlyList<HotkeySubnetStake> Stakes, IReadOnlyList<Nomination> Nominators, int NominatorCount)
{
    /// <summary>The subnets it holds a uid on, by netuid, with its last epoch's emission there (empty from nodes before neurons).</summary>
    public IReadOnlyList<HotkeyRegistration> Registrations { get; init; } = [];
}

/// <summary>A hotkey's stake on one netuid.</summary>
public sealed record HotkeySubnetStake(ushort Netuid, Rao Stake);

/// <summary>A coldkey's position on a hotkey.</summary>
public sealed record Nomination(AccountId Coldkey, ushort Netuid, Rao Stake);
