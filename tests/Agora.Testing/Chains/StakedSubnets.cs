using System.Buffers.Binary;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Runtime.Genesis;

namespace Agora.Testing.Chains;

/// <summary>
/// Adds staked subnets to a chain spec at genesis, for the benchmarks and tests of the per-block subnet bookkeeping
/// (stake EMA, mint, split into each subnet's pending emission). Subnet i (netuids 1..N, named <c>bench-i</c>) is
/// owned by one coldkey and has its own hotkey (<see cref="Hotkey"/>), which stakes i × <see cref="StakeUnit"/> on it,
/// so the emission split is uneven. The stakes come from an extra genesis balance of the owner, so the spec's other
/// balances are unchanged, and the spec's subnet limit is raised to N when it is lower.
/// </summary>
public static class StakedSubnets
{
    /// <summary>What the hotkey of subnet i stakes on it is i times this.</summary>
    public static readonly Rao StakeUnit = Rao.FromTao(100);

    /// <summary>The most subnets a spec can get here (netuids are u16 and 0 is root).</summary>
    public const int SubnetCountMax = ushort.MaxValue - 1;

    /// <summary>
    /// <paramref name="spec"/> with <paramref name="subnetCount"/> subnets after its own, each owned by
    /// <paramref name="owner"/> and staked by its hotkey; with 0 subnets, <paramref name="spec"/> unchanged.
    /// </summary>
    public static ChainSpec Add(ChainSpec spec, int subnetCount, AccountId owner)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(subnetCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subnetCount, SubnetCountMax - spec.Subnets.Count);
        if (subnetCount == 0)
        {
            return spec;
        }

        var first = spec.Subnets.Count + 1;
        var netuids = Enumerable.Range(first, subnetCount).Select(n => (ushort)n).ToArray();
        var subnets = netuids.Select(n => new GenesisSubnet($"bench-{n}", owner, Hotkey(n))).ToArray();
        var stakes = netuids.Select(n => new GenesisStake(owner, Hotkey(n), n, Stake(n))).ToArray();
        var total = stakes.Aggregate(Rao.Zero, (sum, stake) => sum + stake.Amount);
        return spec with
        {
            Name = $"{spec.Name} ({spec.Subnets.Count + subnetCount} staked subnets)",
            Balances = [.. spec.Balances, new GenesisBalance(owner, total)],
            Parameters = spec.Parameters with { SubnetCountMax = Math.Max(spec.Parameters.SubnetCountMax, spec.Subnets.Count + subnetCount) },
            Subnets = [.. spec.Subnets, .. subnets],
            Stakes = [.. spec.Stakes, .. stakes],
        };
    }

    /// <summary>The stake on subnet <paramref name="netuid"/>: netuid × <see cref="StakeUnit"/>.</summary>
    public static Rao Stake(ushort netuid) => new(checked(netuid * StakeUnit.Value));

    /// <summary>The hotkey of subnet <paramref name="netuid"/>: an Ed25519 key from a fixed seed, so every run agrees.</summary>
    public static AccountId Hotkey(ushort netuid)
    {
        using var key = HotkeyPair(netuid);
        return key.Account;
    }

    /// <summary>The key pair of <see cref="Hotkey"/>, for tests that sign with it; dispose it.</summary>
    public static KeyPair HotkeyPair(ushort netuid)
    {
        Span<byte> seed = stackalloc byte[32];
        "agora-bench-subnet-hotkey"u8.CopyTo(seed);
        BinaryPrimitives.WriteUInt16BigEndian(seed[30..], netuid);
        return KeyPair.FromSeed(seed);
    }
}
