using Agora.Core.Primitives;

namespace Agora.Runtime.Modules.Epochs;

/// <summary>Stake an epoch pays to one position: <paramref name="Amount"/> onto (<paramref name="Coldkey"/>, <paramref name="Hotkey"/>) on the epoch's subnet.</summary>
public readonly record struct StakeCredit(AccountId Coldkey, AccountId Hotkey, Rao Amount);
