using Agora.Core.Primitives;

namespace Agora.Runtime.Genesis;

/// <summary>An account funded at genesis.</summary>
public sealed record GenesisBalance(AccountId Account, Rao Free);
