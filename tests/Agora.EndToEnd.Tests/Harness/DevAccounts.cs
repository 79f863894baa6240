using Agora.Core.Crypto;
using Agora.Core.Primitives;
using Agora.Node.Core;

namespace Agora.EndToEnd.Tests.Harness;

/// <summary>The dev chain's funded accounts and keys derived the way the CLI derives <c>--uri</c>.</summary>
internal static class DevAccounts
{
    /// <summary>What every dev account holds at genesis (the node's own dev chain spec).</summary>
    public static readonly Rao GenesisBalance = DevChainSpec.AccountBalance;

    /// <summary>What //Alice, //Bob and //Charlie hold free at genesis: the rest is staked on root as the senate.</summary>
    public static readonly Rao SenateGenesisFree = DevChainSpec.AccountBalance - DevChainSpec.SenateStake;

    /// <summary>The account of <paramref name="uri"/> (e.g. <c>//Bob</c>).</summary>
    public static AccountId Account(string uri)
    {
        using var key = KeyPair.FromUri(uri);
        return key.Account;
    }

    /// <summary>The SS58 address of <paramref name="uri"/>.</summary>
    public static string Address(string uri) => Account(uri).ToString();
}
