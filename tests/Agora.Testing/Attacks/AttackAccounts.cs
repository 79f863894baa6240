using System.Security.Cryptography;
using System.Text;
using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Runtime.Genesis;

namespace Agora.Testing.Attacks;

/// <summary>
/// The accounts of an attack run, funded at genesis so that no run spends blocks on funding: the probe's sender
/// (whose transfers must get in during an attack) and the block fillers that make blocks and notifications large.
/// The attackers' own keys are unfunded and derived per run.
/// </summary>
public static class AttackAccounts
{
    /// <summary>What each funded account holds at genesis.</summary>
    public static readonly Rao FundedBalance = Rao.FromTao(10_000);

    /// <summary>The key whose transfers the observer times.</summary>
    public static KeyPair Probe() => KeyPair.FromUri("//attack//probe");

    /// <summary>Funded key <paramref name="index"/> of the block fillers.</summary>
    public static KeyPair Filler(int index) => KeyPair.FromUri($"//attack//filler//{index}");

    /// <summary>
    /// An unfunded key, distinct per <paramref name="round"/> and <paramref name="index"/>; from a hashed seed, since
    /// an attacker makes keys by the thousand and a secret URI's key stretching would make that the slow part.
    /// </summary>
    public static KeyPair Unfunded(int round, int index) =>
        KeyPair.FromSeed(SHA256.HashData(Encoding.UTF8.GetBytes($"agora/attack/unfunded/{round}/{index}")));

    /// <summary><paramref name="spec"/> with the probe and <paramref name="fillerCount"/> fillers funded at genesis.</summary>
    public static ChainSpec Fund(ChainSpec spec, int fillerCount)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var accounts = new List<GenesisBalance>();
        using (var probe = Probe())
        {
            accounts.Add(new GenesisBalance(probe.Account, FundedBalance));
        }

        for (var i = 0; i < fillerCount; i++)
        {
            using var filler = Filler(i);
            accounts.Add(new GenesisBalance(filler.Account, FundedBalance));
        }

        return spec with { Balances = [.. spec.Balances, .. accounts] };
    }
}
