using Agora.Core.Primitives;

namespace Agora.Sdk.Client;

/// <summary>One entry of <c>agora_getDelegates</c>: every owned hotkey is a delegate.</summary>
/// <param name="Hotkey">The hotkey.</param>
/// <param name="Owner">Its owning coldkey.</param>
/// <param name="Take">Its take, a proportion in [0, 1].</param>
/// <param name="TotalStake">Its stake over every netuid and nominator.</param>
/// <param name="Nominators">Distinct coldkeys staking on it (the owner included).</param>
public sealed record DelegateInfo(AccountId Hotkey, AccountId Owner, decimal Take, Rao TotalStake, int Nominators);
