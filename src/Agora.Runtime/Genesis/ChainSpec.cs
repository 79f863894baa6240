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
    ChainParameters Parameters)
{
    /// <summary>Subnets launched at genesis, in netuid order from 1, with the chain's default hyperparameters and no lock.</summary>
    public IReadOnlyList<GenesisSubnet> Subnets { get; init; } = [];

    /// <summary>Stake positions at genesis, taken out of the coldkeys' genesis balances; each hotkey becomes owned by its coldkey.</summary>
    public IReadOnlyList<GenesisStake> Stakes { get; init; } = [];
}
