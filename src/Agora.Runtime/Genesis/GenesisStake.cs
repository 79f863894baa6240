using Agora.Core.Primitives;

namespace Agora.Runtime.Genesis;

/// <summary>A stake position at genesis: <paramref name="Coldkey"/> stakes <paramref name="Amount"/> to <paramref name="Hotkey"/> on <paramref name="Netuid"/>.</summary>
public sealed record GenesisStake(AccountId Coldkey, AccountId Hotkey, ushort Netuid, Rao Amount);
