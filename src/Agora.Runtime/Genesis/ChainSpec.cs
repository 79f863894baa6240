using Agora.Core.Primitives;

namespace Agora.Runtime.Genesis;

/// <summary>
/// Defines a chain: its name, consensus parameters and genesis state. Two nodes with the same spec build
/// the same genesis block and hash.
/// </summary>
public sealed record ChainSpec(
    string Name,
    string Id,
    bool IsDevelopment,
    ulong BlockTimeMs,
    ulong GenesisTimestampMs,
    AccountId Authority,
    AccountId? Sudo,
    IReadOnlyList<GenesisBalance> Balances,
    ChainParameters Parameters);

/// <summary>An account funded at genesis.</summary>
public sealed record GenesisBalance(AccountId Account, Rao Free);
