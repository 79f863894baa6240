using Agora.Core.Primitives;
using Agora.Runtime.Modules.Subnets;

namespace Agora.Runtime;

/// <summary>
/// Consensus constants fixed at genesis (part of the chain spec). Every node of a chain uses the same values.
/// </summary>
public sealed record ChainParameters
{
    /// <summary>Issuance never exceeds this: 21,000,000 TAO.</summary>
    public Rao SupplyCap { get; init; } = Rao.FromTao(21_000_000);

    /// <summary>Emission of one block before any halving: 1 TAO.</summary>
    public Rao BlockEmissionStart { get; init; } = Rao.FromTao(1);

    /// <summary>Fixed part of every transaction fee.</summary>
    public Rao FeeBase { get; init; } = new(100_000);

    /// <summary>Fee per byte of the encoded transaction.</summary>
    public Rao FeePerByte { get; init; } = new(1_000);

    /// <summary>Largest accepted encoded transaction.</summary>
    public int TransactionBytesMax { get; init; } = 16 * 1024;

    /// <summary>Most transactions in one block.</summary>
    public int BlockTransactionCountMax { get; init; } = 20_000;

    /// <summary>Largest total of transaction bytes in one block.</summary>
    public int BlockTransactionBytesMax { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest mortality a transaction may ask for, in blocks.</summary>
    public uint MortalityBlocksMax { get; init; } = 4096;

    /// <summary>Mortality clients use unless told otherwise, in blocks.</summary>
    public uint MortalityBlocksDefault { get; init; } = 64;

    /// <summary>
    /// The stake EMA's step factor k (DESIGN §4a): <c>ema ← ema + trunc((stake − ema) · k / 2^32)</c>, with
    /// <c>k = round((1 − 2^(−1/h)) · 2^32)</c> for half-life h: 413,458 for 7,200 blocks.
    /// </summary>
    public ulong StakeEmaK { get; init; } = 413_458;

    /// <summary>The lowest subnet lock cost.</summary>
    public Rao SubnetLockMin { get; init; } = Rao.FromTao(1_000);

    /// <summary>Blocks over which a doubled lock cost decays back toward <see cref="SubnetLockMin"/>.</summary>
    public ulong SubnetLockDecayBlocks { get; init; } = 100_800;

    /// <summary>Fewest blocks between two subnet launches (0 = no limit).</summary>
    public ulong SubnetLaunchRateLimitBlocks { get; init; } = 7_200;

    /// <summary>Blocks a proposal stays open for votes.</summary>
    public ulong ProposalVotingWindowBlocks { get; init; } = 50_400;

    /// <summary>Most subnets (netuid ≥ 1) at once (<c>max_subnets</c>).</summary>
    public int SubnetCountMax { get; init; } = 128;

    /// <summary>Blocks after its launch during which a subnet cannot be replaced.</summary>
    public ulong SubnetImmunityBlocks { get; init; } = 50_400;

    /// <summary>Senate seats: the top hotkeys by total stake.</summary>
    public int SenateSize { get; init; } = 12;

    /// <summary>Least total stake a hotkey needs for a senate seat.</summary>
    public Rao SenateStakeMin { get; init; } = Rao.FromTao(1_000);

    /// <summary>Smallest non-zero stake position: 0.002 TAO.</summary>
    public Rao StakeMin { get; init; } = new(2_000_000);

    /// <summary>Highest delegate take, and the take of a newly owned hotkey: 11,796 / 65,535 ≈ 18%.</summary>
    public ushort TakeMax { get; init; } = 11_796;

    /// <summary>Fewest blocks between a take change and a take raise.</summary>
    public ulong TakeChangeRateLimitBlocks { get; init; } = 216_000;

    /// <summary>The registration burn of a subnet before its first adjustment: 0.1 TAO (DESIGN §3).</summary>
    public Rao RegistrationBurnStart { get; init; } = new(100_000_000);

    /// <summary>What <c>swap_hotkey</c> burns: 1 TAO (dev 0.1 TAO).</summary>
    public Rao SwapHotkeyBurn { get; init; } = Rao.FromTao(1);

    /// <summary>True on a development chain: axons may announce loopback addresses.</summary>
    public bool AllowsLoopbackAxons { get; init; }

    /// <summary>Hyperparameters a new subnet starts with, before its proposal's overrides.</summary>
    public SubnetHyperparameters SubnetDefaults { get; init; } = SubnetHyperparameters.MainDefaults;

    /// <summary>The development chain's values (DESIGN §3): the time-based constants scaled down.</summary>
    public static ChainParameters Development { get; } = new()
    {
        StakeEmaK = 29_667_506,
        SubnetLockMin = Rao.FromTao(100),
        SubnetLockDecayBlocks = 1_000,
        SubnetLaunchRateLimitBlocks = 0,
        ProposalVotingWindowBlocks = 600,
        SubnetCountMax = 32,
        SubnetImmunityBlocks = 100,
        SenateStakeMin = Rao.FromTao(1),
        TakeChangeRateLimitBlocks = 100,
        SubnetDefaults = SubnetHyperparameters.DevDefaults,
        SwapHotkeyBurn = new(100_000_000),
        AllowsLoopbackAxons = true,
    };
}
