using Agora.Core.Primitives;

namespace Agora.Runtime.Genesis;

/// <summary>
/// A neuron registered at genesis: <paramref name="Hotkey"/>, owned by <paramref name="Coldkey"/>, which stakes
/// <paramref name="Stake"/> (possibly zero) to it on the subnet out of its genesis balance, as a genesis stake does.
/// </summary>
public sealed record GenesisNeuron(AccountId Hotkey, AccountId Coldkey, Rao Stake);
